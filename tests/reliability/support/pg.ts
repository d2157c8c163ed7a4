import { locatePgBin } from "@/scripts/support/pg-cluster";

const found = locatePgBin();

/** PostgreSQL's programs are not installed: the PostgreSQL tests are skipped (describe.skipIf), and their title says why. */
export const noPostgres = !found.ok;

/** A describe title that carries the reason when the tests under it are skipped. */
export const pgTitle = (title: string) => (found.ok ? `${title} (${found.bin})` : `${title} (skipped: ${found.message.split("\n")[0]})`);
