/**
 * The playground's demo: the worked examples of the KPI guide (SPEC §1) as the rows a manager
 * would type into the KPIs and Check-ins sheets, with a first quarter of check-ins drawn from a
 * seeded generator, so every start of the demo shows the same numbers.
 *
 * Cells are written as typed text, keyed by header name. `{Header@ID}` in a formula stands for
 * that KPI's cell in that column, filled in once the rows' places are known.
 */

import { type Day, dayFromParts, dayParts, formatDay } from "../src/core/dates";

export type TypedCell = string | number;
export type TypedRow = Readonly<Record<string, TypedCell>>;

/** The spreadsheet's zone: the guide's figures are in New Taiwan dollars. */
export const DEMO_TIME_ZONE = "Asia/Taipei";
/** Whose hands type the demo and whose habits it tracks. */
export const DEMO_USER = "ann@example.com";
export const DEMO_SPREADSHEET_NAME = "SMART KPI demo";
/** The demo opens on the last day of the quarter its check-ins cover. */
export const DEMO_TODAY = "2026-03-31";
/** 09:00 in Taipei on {@link DEMO_TODAY}. */
export const DEMO_NOW = "2026-03-31T01:00:00Z";

const QUARTER_START = "2026-01-01";
const QUARTER_END = "2026-03-31";
const YEAR_END = "2026-12-31";

const COMPANY_TOTAL = 10_000_000;

/** The company goal split across channels 4 : 3 : 2 : 1. */
export const CHANNELS = [
  { id: "KPI-0002", channel: "SEO", weight: 4, owner: "mei@example.com", pace: 1.06, how: "SEO" },
  {
    id: "KPI-0003",
    channel: "Community",
    weight: 3,
    owner: "jun@example.com",
    pace: 0.95,
    how: "the community",
  },
  {
    id: "KPI-0004",
    channel: "Events",
    weight: 2,
    owner: "li@example.com",
    pace: 0.78,
    how: "events",
  },
  {
    id: "KPI-0005",
    channel: "KOL",
    weight: 1,
    owner: "hao@example.com",
    pace: 0.55,
    how: "KOL partnerships",
  },
] as const;

const TOTAL_WEIGHT = CHANNELS.reduce((sum, c) => sum + c.weight, 0);

/** Registry rows, in the order they are typed. */
export const DEMO_KPIS: readonly TypedRow[] = [
  {
    ID: "KPI-0001",
    Name: "Sell 10,000,000 NTD across all channels in Q1",
    Description: "Company revenue goal for the first quarter, split across four marketing channels",
    Type: "KPI",
    Level: "Company",
    Owner: "ceo@example.com",
    Department: "Marketing",
    Unit: "NTD",
    Direction: "Increase",
    Aggregation: "Sum",
    Baseline: 0,
    Target: COMPANY_TOTAL,
    Start: QUARTER_START,
    Due: QUARTER_END,
    Cadence: "Monthly",
    Reward: "Team trip to Kenting",
    "Data source": "Monthly sales report",
    "Why it matters": "The company's revenue goal for the quarter",
  },
  ...CHANNELS.map(
    (c, i): TypedRow => ({
      ID: c.id,
      Name: `Sell ${((COMPANY_TOTAL * c.weight) / TOTAL_WEIGHT).toLocaleString("en-US")} NTD through ${c.how} in Q1`,
      Description: `Sales from ${c.how}`,
      Type: "KPI",
      Level: "Department",
      Parent: "KPI-0001",
      Owner: c.owner,
      Department: c.channel,
      Unit: "NTD",
      Direction: "Increase",
      Aggregation: "Sum",
      Baseline: 0,
      // The first channel's Target splits the company target by the Weight column; the result
      // spills into the Target cells of the other channels (KPI_SPLIT, SPEC §4.5).
      Target: i === 0 ? "=KPI_SPLIT({Target@KPI-0001}, {Weight@KPI-0002}:{Weight@KPI-0005})" : "",
      Start: QUARTER_START,
      Due: QUARTER_END,
      Cadence: "Weekly",
      Weight: c.weight,
      "Data source": `Orders tagged "${c.channel}" in the shop's back office`,
      "Why it matters": `${c.weight} of every ${TOTAL_WEIGHT} NTD of the company goal`,
    }),
  ),
  ...(
    [
      [
        "KPI-0006",
        "Gain 1,300 new community fans in Q1",
        "fans",
        1300,
        "amy@example.com",
        "Fan count of the brand's community pages",
      ],
      [
        "KPI-0007",
        "Get 6,500 interactions on community posts in Q1",
        "interactions",
        6500,
        "ben@example.com",
        "Likes, comments and shares in the page insights",
      ],
      [
        "KPI-0008",
        "Turn community members into 390 orders in Q1",
        "orders",
        390,
        "cara@example.com",
        "Orders with a community coupon code",
      ],
    ] as const
  ).map(
    ([id, name, unit, target, owner, source]): TypedRow => ({
      ID: id,
      Name: name,
      Description: `The community team's weekly ${unit}`,
      Type: "KPI",
      Level: "Personal",
      Parent: "KPI-0003",
      Owner: owner,
      Department: "Community",
      Unit: unit,
      Direction: "Increase",
      Aggregation: "Sum",
      Baseline: 0,
      Target: target,
      Start: QUARTER_START,
      Due: QUARTER_END,
      Cadence: "Weekly",
      "Data source": source,
      "Why it matters": "Fans interact, interactions turn into orders: the community's sales",
    }),
  ),
  {
    ID: "KPI-0009",
    Name: "Open up the manufacturing market in Q1",
    Description: "OKR objective of the sales team",
    Type: "Objective",
    Level: "Company",
    Owner: "sales@example.com",
    Department: "Sales",
    Start: QUARTER_START,
    Due: QUARTER_END,
    Reward: "Dinner for the sales team",
    "Why it matters": "Manufacturing is the largest market the company does not sell to yet",
  },
  {
    ID: "KPI-0010",
    Name: "Visit 100 manufacturing customers",
    Description: "Factory visits by the sales team in northern Taiwan",
    Type: "Key result",
    Level: "Team",
    Parent: "KPI-0009",
    Owner: "dan@example.com",
    Department: "Sales",
    Unit: "visits",
    Direction: "Increase",
    Aggregation: "Sum",
    Baseline: 0,
    Target: 100,
    Start: QUARTER_START,
    Due: QUARTER_END,
    Cadence: "Weekly",
    Weight: 1,
    "Data source": "Visit log in the CRM",
    "Why it matters": "Visits open the door to the objective",
  },
  {
    ID: "KPI-0011",
    Name: "Convert 5% of visited manufacturing customers into buyers",
    Description: "Share of visited customers who place a first order",
    Type: "Key result",
    Level: "Team",
    Parent: "KPI-0009",
    Owner: "dan@example.com",
    Department: "Sales",
    Unit: "%",
    Direction: "Increase",
    Aggregation: "Last",
    Baseline: "2%",
    Target: "5%",
    Start: QUARTER_START,
    Due: QUARTER_END,
    Cadence: "Monthly",
    Weight: 1,
    "Data source": "First orders ÷ visited customers, from the CRM",
    "Why it matters": "Buyers, not visits, open the market",
  },
  ...(
    [
      ["KPI-0012", "Exercise twice a week", "Weekly", "sessions", 2, "A new pair of running shoes"],
      ["KPI-0013", "Read a book every month", "Monthly", "books", 1, ""],
      ["KPI-0014", "Travel once a quarter", "Quarterly", "trips", 1, ""],
      [
        "KPI-0015",
        "Get off work on time every day",
        "Daily",
        "days",
        1,
        "A free evening, every evening",
      ],
    ] as const
  ).map(
    ([id, name, cadence, unit, target, reward]): TypedRow => ({
      ID: id,
      Name: name,
      Description: "Personal growth habit",
      Type: "Habit",
      Level: "Personal",
      Owner: DEMO_USER,
      Department: "Personal",
      Unit: unit,
      Direction: "At least",
      Aggregation: "Sum",
      Baseline: 0,
      Target: target,
      Start: QUARTER_START,
      Due: YEAR_END,
      Cadence: cadence,
      Reward: reward,
      "Data source": "Own log",
    }),
  ),
];

/** A small, fast, seeded generator (mulberry32): the same seed gives the same demo everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function isoDay(iso: string): Day {
  const [y, m, d] = iso.split("-").map(Number);
  return dayFromParts(y!, m!, d!)!;
}

interface Checkin {
  readonly day: Day;
  readonly id: string;
  readonly value: TypedCell;
  readonly note: string;
  readonly by: string;
}

/** The demo's check-ins, oldest first, as `Date | KPI ID | Value | Note | By` rows. */
export function demoCheckins(seed = 20260101): TypedRow[] {
  const random = seededRandom(seed);
  const noise = (spread: number) => 1 + (random() * 2 - 1) * spread;
  const first = isoDay(QUARTER_START);
  const last = isoDay(QUARTER_END);
  const days: Day[] = [];
  for (let day = first; day <= last; day++) days.push(day);
  const fridays = days.filter((day) => dayParts(day).weekday === 5);
  const out: Checkin[] = [];

  const weeks = fridays.length;
  for (const friday of fridays) {
    for (const c of CHANNELS) {
      const weekly = ((COMPANY_TOTAL * c.weight) / TOTAL_WEIGHT / weeks) * c.pace;
      const value = Math.round((weekly * noise(0.15)) / 1000) * 1000;
      out.push({ day: friday, id: c.id, value, note: "Weekly sales report", by: c.owner });
    }
    const community = [
      ["KPI-0006", 100 * 1.08, "amy@example.com", "New fans this week"],
      ["KPI-0007", 500 * 0.84, "ben@example.com", "Interactions this week"],
      ["KPI-0008", 30 * 0.97, "cara@example.com", "Coupon orders this week"],
    ] as const;
    for (const [id, weekly, by, note] of community) {
      out.push({ day: friday, id, value: Math.round(weekly * noise(0.25)), note, by });
    }
    out.push({
      day: friday - 1,
      id: "KPI-0010",
      value: Math.round(7 * noise(0.4)),
      note: "Factory visits this week",
      by: "dan@example.com",
    });
  }

  const conversion = ["2.6%", "3.5%", "4.4%"];
  for (const [month, rate] of conversion.entries()) {
    const monthEnd = days.filter((day) => dayParts(day).month === month + 1).at(-1)!;
    out.push({
      day: monthEnd,
      id: "KPI-0011",
      value: rate,
      note: "Month-end CRM report",
      by: "dan@example.com",
    });
  }

  const workouts = ["Morning run", "Swimming", "Yoga class", "Cycling"];
  for (let monday = first - ((dayParts(first).weekday + 6) % 7); monday <= last; monday += 7) {
    const sessions = random() < 0.2 ? 1 : random() < 0.85 ? 2 : 3;
    const weekdays = new Set<number>();
    while (weekdays.size < sessions) weekdays.add(Math.floor(random() * 7));
    for (const offset of [...weekdays].sort()) {
      const day = monday + offset;
      if (day < first || day > last) continue;
      const note = workouts[Math.floor(random() * workouts.length)]!;
      out.push({ day, id: "KPI-0012", value: 1, note, by: DEMO_USER });
    }
  }

  const books: readonly [string, string][] = [
    ["2026-01-25", 'Finished "Atomic Habits"'],
    ["2026-03-22", 'Finished "Measure What Matters"'],
  ];
  for (const [iso, note] of books)
    out.push({ day: isoDay(iso), id: "KPI-0013", value: 1, note, by: DEMO_USER });
  out.push({
    day: isoDay("2026-02-14"),
    id: "KPI-0014",
    value: 1,
    note: "Weekend in Hualien",
    by: DEMO_USER,
  });

  for (const day of days) {
    const weekend = dayParts(day).weekday >= 6;
    const onTime = weekend || random() < 0.8;
    out.push({
      day,
      id: "KPI-0015",
      value: onTime ? 1 : 0,
      note: onTime ? "" : "Stayed late",
      by: DEMO_USER,
    });
  }

  return out
    .map((checkin, order) => ({ checkin, order }))
    .sort((a, b) => a.checkin.day - b.checkin.day || a.order - b.order)
    .map(({ checkin }) => ({
      Date: formatDay(checkin.day),
      "KPI ID": checkin.id,
      Value: checkin.value,
      Note: checkin.note,
      By: checkin.by,
    }));
}
