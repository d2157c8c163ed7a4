import fs from "node:fs";
import { databasePath } from "@/db/connection";

/** Starts over: removes the database file (and its WAL), then migrates and seeds afresh. */
async function main() {
  const file = databasePath();
  if (process.env.NODE_ENV === "production" && !process.argv.includes("--force")) {
    console.error(`Refusing to delete ${file} with NODE_ENV=production; pass --force if you mean it.`);
    process.exit(1);
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  console.log(`Removed ${file}`);
  // loaded only now, so that nothing opens the old file first
  await import("../seed/run");
}

void main();
