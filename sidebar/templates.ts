/**
 * The guide's examples as starting points (SPEC §5): each fills the wizard's steps, which stay
 * editable. Windows start today; a template's sub-goals are written under the new goal.
 */

import { isoDayNumber } from "../src/contract/sidebar";
import { formatDay } from "../src/core/dates";
import { emptyForm, type KpiForm, type SplitForm } from "./model";

export interface Template {
  readonly id: string;
  readonly title: string;
  readonly form: KpiForm;
  readonly split: SplitForm;
  readonly children: readonly KpiForm[];
}

function addDays(iso: string, days: number): string {
  const day = isoDayNumber(iso);
  return day === undefined ? "" : formatDay(day + days);
}

const noSplit: SplitForm = { enabled: false, by: "Channel", weighted: true, parts: [] };

export function templates(today: string): Template[] {
  const quarter = { start: today, due: addDays(today, 90) };
  const year = { start: today, due: addDays(today, 364) };
  const base = emptyForm();
  return [
    {
      id: "marketing",
      title: "Marketing: 10 million in sales, split by channel",
      form: {
        ...base,
        name: "Reach 10,000,000 NTD in sales across four channels",
        description: "Company revenue from SEO, community, events and KOL campaigns",
        level: "Company",
        unit: "NTD",
        target: "10000000",
        dataSource: "Monthly revenue report by channel",
        cadence: "Monthly",
        ...year,
      },
      split: {
        enabled: true,
        by: "Channel",
        weighted: true,
        parts: [
          { label: "SEO", owner: "", weight: "4", target: "4000000" },
          { label: "Community", owner: "", weight: "3", target: "3000000" },
          { label: "Events", owner: "", weight: "2", target: "2000000" },
          { label: "KOL", owner: "", weight: "1", target: "1000000" },
        ],
      },
      children: [],
    },
    {
      id: "community",
      title: "Community team: weekly fans, interactions and orders",
      form: {
        ...base,
        name: "Grow the community by 200 fans every week",
        description:
          "The community team's weekly fans; interactions and orders follow as sub-goals",
        type: "Habit",
        level: "Team",
        department: "Community",
        unit: "fans",
        target: "200",
        cadence: "Weekly",
        dataSource: "Fan count from the community dashboard",
        ...quarter,
      },
      split: noSplit,
      children: [
        {
          ...base,
          name: "Get 1,000 community interactions every week",
          type: "Habit",
          level: "Team",
          department: "Community",
          unit: "interactions",
          target: "1000",
          cadence: "Weekly",
          ...quarter,
        },
        {
          ...base,
          name: "Bring in 50 community orders every week",
          type: "Habit",
          level: "Team",
          department: "Community",
          unit: "orders",
          target: "50",
          cadence: "Weekly",
          ...quarter,
        },
      ],
    },
    {
      id: "sales",
      title: "Sales: visit 100 manufacturing customers",
      form: {
        ...base,
        name: "Visit 100 manufacturing customers",
        description: "Field sales visits to manufacturing accounts",
        level: "Department",
        department: "Sales",
        unit: "visits",
        target: "100",
        cadence: "Weekly",
        dataSource: "Visits logged in the CRM",
        ...quarter,
      },
      split: noSplit,
      children: [
        {
          ...base,
          name: "Convert 5% of visited manufacturing customers",
          type: "Key result",
          level: "Department",
          department: "Sales",
          unit: "%",
          aggregation: "Last",
          baseline: "0.02",
          target: "0.05",
          dataSource: "Orders from visited customers ÷ visits, from the CRM",
          cadence: "Monthly",
          ...quarter,
        },
      ],
    },
    {
      id: "okr",
      title: "OKR: an objective with key results",
      form: {
        ...base,
        name: "Become the first supplier 100 manufacturers call",
        type: "Objective",
        level: "Company",
        unit: "",
        baseline: "",
        target: "",
        ...quarter,
      },
      split: noSplit,
      children: [
        {
          ...base,
          name: "Visit 100 manufacturing customers",
          type: "Key result",
          level: "Department",
          unit: "visits",
          target: "100",
          ...quarter,
        },
        {
          ...base,
          name: "Raise the conversion of visited customers to 5%",
          type: "Key result",
          level: "Department",
          unit: "%",
          aggregation: "Last",
          baseline: "0.02",
          target: "0.05",
          ...quarter,
        },
      ],
    },
    {
      id: "habits",
      title: "Personal growth: four habits",
      form: {
        ...base,
        name: "Keep 4 personal growth habits this year",
        type: "Objective",
        level: "Personal",
        baseline: "",
        ...year,
      },
      split: noSplit,
      children: [
        ["Exercise twice a week", "sessions", "2", "Weekly"],
        ["Read one book every month", "books", "1", "Monthly"],
        ["Travel once a quarter", "trips", "1", "Quarterly"],
        ["Leave work on time every day", "days", "1", "Daily"],
      ].map(([name, unit, target, cadence]) => ({
        ...base,
        name: name!,
        type: "Habit",
        level: "Personal",
        unit: unit!,
        target: target!,
        cadence: cadence!,
        ...year,
      })),
    },
  ];
}
