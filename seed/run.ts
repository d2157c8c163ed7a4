import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/connection";
import { describeCredentials, seedDesk } from "./seed-desk";

async function main() {
  migrateDatabase(getDb());
  const report = await seedDesk();
  const c = report.created;
  console.log(`Seeded: ${c.sources} sources, ${c.speakers} speakers, ${c.claims} claims, ${c.verdicts} verdicts created (existing rows left alone).`);
  console.log(describeCredentials(report.credentials));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
