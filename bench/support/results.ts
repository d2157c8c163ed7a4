import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** One figure of the bench: the app's, and the references' where one applies. */
export type Row = {
  name: string;
  unit: string;
  app: number;
  baseline: number | null;
  floor: number | null;
  /** the issue's target in words, e.g. "≥ 60% of floor" */
  target: string | null;
  met: boolean | null;
};

export type Machine = { cpus: string; memory: string; node: string; sqlite: string; postgres?: string };

export function machine(sqliteVersion: string): Machine {
  const cpus = os.cpus();
  return {
    cpus: `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown"}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    sqlite: sqliteVersion,
  };
}

const num = (v: number | null, unit = "") => {
  if (v === null || Number.isNaN(v)) return "–";
  const digits = Math.abs(v) >= 100 || Number.isInteger(v) ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${v.toFixed(digits)}${unit}`;
};
const ratio = (a: number, b: number | null) => (b ? `${(a / b).toFixed(2)}×` : "–");
const met = (m: boolean | null) => (m === null ? "" : m ? "yes" : "NO");

const COLUMNS = ["figure", "unit", "app", "baseline", "floor", "app/baseline", "app/floor", "target", "met?"];
const cells = (r: Row) => [r.name, r.unit, num(r.app), num(r.baseline), num(r.floor), ratio(r.app, r.baseline), ratio(r.app, r.floor), r.target ?? "", met(r.met)];

/** The table for a terminal: aligned columns. */
export function textTable(rows: Row[]): string {
  const lines = [COLUMNS, ...rows.map(cells)];
  const widths = COLUMNS.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return lines.map((l) => l.map((c, i) => (i < 2 || i >= 7 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")).join("\n");
}

/** The same table in Markdown, to paste into the README's Benchmarks section. */
export function markdownTable(rows: Row[], m: Machine): string {
  return [
    `Machine: ${m.cpus}, ${m.memory}, Node ${m.node}, SQLite ${m.sqlite}${m.postgres ? `; the app on PostgreSQL ${m.postgres} (the bare baseline on SQLite)` : ""}.`,
    "",
    `| ${COLUMNS.join(" | ")} |`,
    `| ${COLUMNS.map((_, i) => (i >= 2 && i <= 6 ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((r) => `| ${cells(r).map((c, i) => (i === 0 ? `\`${c}\`` : c)).join(" | ")} |`),
  ].join("\n");
}

export function writeResults(rows: Row[], m: Machine, file = path.join(process.cwd(), "bench", "results", "latest.json")): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
  const results = rows.map((r) => ({ name: r.name, unit: r.unit, app: round(r.app), baseline: round(r.baseline), floor: round(r.floor), target: r.target, met: r.met }));
  fs.writeFileSync(file, `${JSON.stringify({ machine: m, generatedAt: new Date().toISOString(), results }, null, 2)}\n`);
  return file;
}
