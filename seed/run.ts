import { closeDb, migrateDesk } from "@/db/client";
import { describeCredentials, seedDesk } from "./seed-desk";

async function main() {
  await migrateDesk();
  const report = await seedDesk();
  const c = report.created;
  console.log(`Seeded: ${c.sources} sources, ${c.speakers} speakers, ${c.claims} claims, ${c.verdicts} verdicts created (existing rows left alone).`);
  console.log(describeCredentials(report.credentials));
}

main()
  // closed, or a PostgreSQL pool would keep the process alive
  .then(closeDb)
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
