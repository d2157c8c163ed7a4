import "server-only";
import { rawGet } from "../raw";
import type { ReportFilters } from "@/lib/reports/filters";

/** The names behind a report's filter ids, for its heading. */
export async function reportFilterLabels(f: ReportFilters): Promise<Record<string, string>> {
  const name = async (sql: string, id: number | undefined) => (id ? ((await rawGet<{ name: string }>(sql, [id]))?.name ?? `#${id}`) : undefined);
  const labels: Record<string, string | undefined> = {
    sourceId: await name("select title as name from sources where id = ?", f.sourceId),
    speakerId: await name("select name from speakers where id = ?", f.speakerId),
    reviewerId: await name("select name from users where id = ?", f.reviewerId),
  };
  return Object.fromEntries(Object.entries(labels).filter((e): e is [string, string] => e[1] !== undefined));
}

