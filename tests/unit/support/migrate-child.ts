/**
 * Child process of startup-safety.test.ts: opens the database named in argv,
 * says "ready" once everything is loaded, waits for "go" on stdin, so that
 * two of them migrate at the same moment, then migrates and prints how many
 * migrations it applied.
 */
import { migrateDatabase, openDatabase } from "@/db/connection";

const file = process.argv[2]!;
process.stdout.write("ready\n");
process.stdin.once("data", () => {
  try {
    const db = openDatabase(file);
    const { applied } = migrateDatabase(db);
    db.$client.close();
    process.stdout.write(`${JSON.stringify({ applied })}\n`);
    process.exit(0);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  }
});
