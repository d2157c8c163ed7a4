import { rawGet } from "@/db/raw";

/**
 * How many rows `from` has: a table, with a where clause if wanted
 * (`countRows("verdicts where claim_id = ?", id)`). Read the same way on
 * either engine (db/raw.ts), so a test checks what was written, not how.
 */
export async function countRows(from: string, ...args: Array<string | number>): Promise<number> {
  const row = await rawGet<{ n: number }>(`select cast(count(*) as integer) as n from ${from}`, args);
  return row!.n;
}
