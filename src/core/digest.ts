/**
 * The digest e-mail (SPEC §6): an HTML body and its plain-text alternative, with a link to the
 * spreadsheet and to each goal's row. Every text a user typed — goal names, owners, rewards, the
 * spreadsheet's name — is escaped in the HTML, so a goal named `<script>…` is shown, never run.
 */

import { type Day, formatDay } from "./dates";
import { type AlertKind, type Digest, severityOf } from "./notifications";
import type { RollupRow } from "./rollup";
import { STATUSES } from "./status";

export interface DigestContext {
  readonly spreadsheetName: string;
  /** The spreadsheet's URL, without a fragment. */
  readonly spreadsheetUrl: string;
  /** The `KPIs` sheet's ID, for links to a row (`#gid=…&range=A5`). */
  readonly kpisSheetId: number;
  readonly today: Day;
}

export interface RenderedDigest {
  readonly subject: string;
  readonly htmlBody: string;
  readonly body: string;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** One line of text: a subject or a heading never breaks a mail header or a line. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, " ").trim();
}

const HEADINGS: Readonly<Record<AlertKind, string>> = {
  Missed: "Missed their due date",
  Escalation: "Missed by goals under yours",
  "Off track": "Off track",
  "Check-in overdue": "Check-in overdue",
  Achieved: "Achieved — congratulations!",
};

const SUBJECT_WORDS: Readonly<Record<AlertKind, [string, string]>> = {
  Missed: ["goal missed", "goals missed"],
  Escalation: ["goal under yours missed", "goals under yours missed"],
  "Off track": ["goal off track", "goals off track"],
  "Check-in overdue": ["check-in overdue", "check-ins overdue"],
  Achieved: ["goal achieved", "goals achieved"],
};

export function rowLink(context: DigestContext, row: number): string {
  return `${context.spreadsheetUrl}#gid=${context.kpisSheetId}&range=A${row}`;
}

function formatNumber(value: number): string {
  // Two decimals at most, without trailing zeros; no locale: the same text in every runtime.
  return String(Math.round(value * 100) / 100);
}

function percent(value: number | undefined): string {
  return value === undefined ? "—" : `${Math.round(value * 100)}%`;
}

function withUnit(value: number | undefined, unit: string): string {
  if (value === undefined) return "—";
  // A "%" goal holds fractions, as Sheets stores 5% (0.05).
  if (unit.trim() === "%") return `${formatNumber(value * 100)}%`;
  return unit === "" ? formatNumber(value) : `${formatNumber(value)} ${unit}`;
}

interface ItemFacts {
  readonly title: string;
  readonly id: string;
  readonly owner: string;
  readonly link: string;
  /** Label and value pairs, all plain text. */
  readonly facts: readonly (readonly [string, string])[];
  readonly reward: string;
}

function factsOf(row: RollupRow, kind: AlertKind, context: DigestContext): ItemFacts {
  const kpi = row.kpi;
  const unit = kpi?.unit ?? "";
  const facts: [string, string][] = [
    ["Status", row.statusText],
    ["Actual", withUnit(row.actual, unit)],
    ["Target", withUnit(kpi?.target, unit)],
    ["Attainment", percent(row.attainment)],
  ];
  if (kind !== "Achieved" && row.expected !== undefined) {
    facts.push(["Expected by now", percent(row.expected)]);
  }
  if (kpi?.due !== undefined) facts.push(["Due", formatDay(kpi.due)]);
  if (kind === "Check-in overdue") {
    facts.push([
      "Last check-in",
      row.lastCheckin === undefined ? "none yet" : formatDay(row.lastCheckin),
    ]);
  }
  const name = kpi?.name ?? "";
  return {
    title: oneLine(name === "" ? row.id : name),
    id: row.id,
    owner: kpi?.owner ?? "",
    link: rowLink(context, row.row),
    facts,
    reward: kind === "Achieved" ? (kpi?.reward ?? "") : "",
  };
}

function subjectOf(digest: Digest, context: DigestContext): string {
  const counts = new Map<AlertKind, number>();
  for (const item of digest.items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  const parts = [...counts]
    .sort(([a], [b]) => severityOf(a) - severityOf(b))
    .map(([kind, n]) => `${n} ${SUBJECT_WORDS[kind][n === 1 ? 0 : 1]}`);
  return oneLine(`SMART KPI · ${context.spreadsheetName}: ${parts.join(", ")}`);
}

function groups(digest: Digest): [AlertKind, Digest["items"]][] {
  const byKind = new Map<AlertKind, Digest["items"][number][]>();
  for (const item of digest.items) {
    const list = byKind.get(item.kind) ?? [];
    list.push(item);
    byKind.set(item.kind, list);
  }
  return [...byKind].sort(([a], [b]) => severityOf(a) - severityOf(b));
}

/** Goals by status over the whole registry, for the manager's summary; errors counted apart. */
export function statusCounts(rows: readonly RollupRow[]): [string, number][] {
  const counts = new Map<string, number>(STATUSES.map((status) => [status, 0]));
  let errors = 0;
  for (const row of rows) {
    if (row.status === undefined) errors++;
    else counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  }
  const out = [...counts].filter(([, n]) => n > 0);
  if (errors > 0) out.push(["Errors", errors]);
  return out;
}

export function renderDigest(
  digest: Digest,
  rows: readonly RollupRow[],
  context: DigestContext,
): RenderedDigest {
  const subject = subjectOf(digest, context);
  const sheetName = oneLine(context.spreadsheetName);
  const date = formatDay(context.today);
  const text: string[] = [`SMART KPI — ${sheetName}, ${date}`, ""];
  const html: string[] = [
    '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#202124;max-width:640px">',
    `<h2 style="font-size:18px;margin:0 0 4px">SMART KPI — ${escapeHtml(sheetName)}</h2>`,
    `<p style="margin:0 0 16px;color:#5f6368">${escapeHtml(date)}</p>`,
  ];

  if (digest.manager) {
    const counts = statusCounts(rows);
    text.push(
      `All goals: ${counts.map(([status, n]) => `${status} ${n}`).join(", ") || "none"}`,
      "",
    );
    html.push(
      '<table style="border-collapse:collapse;margin:0 0 16px"><tr>',
      ...counts.map(
        ([status, n]) =>
          `<td style="padding:4px 10px;border:1px solid #dadce0;text-align:center"><div style="font-size:18px;font-weight:bold">${n}</div><div style="color:#5f6368">${escapeHtml(status)}</div></td>`,
      ),
      "</tr></table>",
    );
  }

  for (const [kind, items] of groups(digest)) {
    text.push(`${HEADINGS[kind]}:`);
    html.push(`<h3 style="font-size:15px;margin:16px 0 8px">${escapeHtml(HEADINGS[kind])}</h3>`);
    for (const item of items) {
      const row = rows[item.goal]!;
      const facts = factsOf(row, kind, context);
      const ownerNote =
        kind === "Escalation" || digest.manager ? ` (owner: ${facts.owner || "none"})` : "";
      text.push(`- ${facts.title} [${facts.id}]${ownerNote}`);
      text.push(`  ${facts.facts.map(([label, value]) => `${label}: ${value}`).join(" · ")}`);
      if (facts.reward !== "") text.push(`  Reward: ${oneLine(facts.reward)}`);
      text.push(`  ${facts.link}`);
      html.push(
        '<div style="border:1px solid #dadce0;border-radius:6px;padding:8px 12px;margin:0 0 8px">',
        `<div><a href="${escapeHtml(facts.link)}" style="color:#1a73e8;font-weight:bold;text-decoration:none">${escapeHtml(facts.title)}</a> <span style="color:#5f6368">${escapeHtml(facts.id)}${escapeHtml(ownerNote)}</span></div>`,
        `<div style="color:#3c4043;margin-top:4px">${facts.facts
          .map(([label, value]) => `${escapeHtml(label)}: <b>${escapeHtml(value)}</b>`)
          .join(" &middot; ")}</div>`,
      );
      if (facts.reward !== "") {
        html.push(`<div style="margin-top:4px">Reward: ${escapeHtml(facts.reward)}</div>`);
      }
      html.push("</div>");
    }
    text.push("");
  }

  text.push(`Open the spreadsheet: ${context.spreadsheetUrl}`);
  text.push("You get this because your address is on these goals in the KPIs sheet.");
  html.push(
    `<p style="margin:16px 0 0"><a href="${escapeHtml(context.spreadsheetUrl)}" style="color:#1a73e8">Open the spreadsheet</a></p>`,
    '<p style="color:#5f6368;font-size:12px">You get this because your address is on these goals in the KPIs sheet.</p>',
    "</div>",
  );
  return { subject, htmlBody: html.join("\n"), body: text.join("\n") };
}
