import { Pool } from "pg";
import { getDb } from "@/db/client";
import { copySqliteToPg } from "@/db/pg/copy";
import { startCluster } from "@/scripts/support/pg-cluster";

/**
 * The test file's SQLite desk, as it stands, copied into a throwaway
 * PostgreSQL cluster on loopback (db:copy), for asking both engines the same
 * question. `close()` ends the pool and removes the cluster.
 */
export async function pgCopyOfDesk() {
  const cluster = await startCluster();
  const pool = new Pool({ connectionString: cluster.url, max: 2 });
  try {
    await copySqliteToPg(getDb().$client, pool);
  } catch (error) {
    await pool.end();
    await cluster.stop();
    throw error;
  }
  return {
    cluster,
    pool,
    close: async () => {
      await pool.end();
      await cluster.stop();
    },
  };
}
