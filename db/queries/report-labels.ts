import "server-only";
import { getDb } from "../client";
import type { ReportFilters } from "@/lib/reports/filters";

/** The names behind a report's filter ids, for its heading. */
export function reportFilterLabels(f: ReportFilters): Record<string, string> {
  const db = getDb().$client;
  const name = (sql: string, id: number | undefined) =>
    id ? ((db.prepare(sql).pluck().get(id) as string | undefined) ?? `#${id}`) : undefined;
  const labels: Record<string, string | undefined> = {
    sourceId: name("select title from sources where id = ?", f.sourceId),
    speakerId: name("select name from speakers where id = ?", f.speakerId),
    reviewerId: name("select name from users where id = ?", f.reviewerId),
  };
  return Object.fromEntries(Object.entries(labels).filter((e): e is [string, string] => e[1] !== undefined));
}
