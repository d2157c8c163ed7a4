import type Database from "better-sqlite3";
import { duplicateFingerprint } from "@/lib/import/duplicates";

/**
 * Sources saved before duplicates were fingerprinted (or written by a script
 * straight into the table) get their fingerprint here, once: the normalised
 * body's hash and its MinHash bands. Run after the migrations; a desk whose
 * sources all have one reads a single indexed row and is done.
 */
export function backfillFingerprints(sqlite: Database.Database, chunk = 500): number {
  const missing = sqlite.prepare("select id, body from sources where content_hash is null limit ?");
  const setHash = sqlite.prepare("update sources set content_hash = ? where id = ?");
  const addBand = sqlite.prepare("insert or ignore into source_bands (band, source_id) values (?, ?)");
  let done = 0;
  for (;;) {
    const rows = missing.all(chunk) as Array<{ id: number; body: string }>;
    if (rows.length === 0) return done;
    sqlite.transaction(() => {
      for (const row of rows) {
        const fingerprint = duplicateFingerprint(row.body);
        setHash.run(fingerprint.contentHash, row.id);
        for (const band of new Set(fingerprint.bands)) addBand.run(band, row.id);
      }
    }).immediate();
    done += rows.length;
  }
}
