/**
 * `npm run report -- --format csv --status contradicted > out.csv`: the same
 * report as GET /api/v1/reports, for cron jobs. Progress goes to stderr.
 */
import { parseArgs } from "node:util";
import { closeDb, migrateDesk } from "@/db/client";
import { countReportClaims } from "@/db/queries/report-rows";
import { reportPieces } from "@/lib/reports";
import { reportFiltersQuery, reportQuery } from "@/lib/reports/filters";

const USAGE = `Usage: npm run report -- --format csv|json|jsonld|md|html [filters] > file
Filters: --status pending|corroborated|contradicted  --type statement|prediction|statistic|attribution
         --source-id N  --speaker-id N  --reviewer-id N  --from YYYY-MM-DD  --to YYYY-MM-DD
         --quiet (no progress on stderr)`;

async function main() {
  const { values } = parseArgs({
    options: {
      format: { type: "string" },
      status: { type: "string" },
      type: { type: "string" },
      "source-id": { type: "string" },
      "speaker-id": { type: "string" },
      "reviewer-id": { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      quiet: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return console.log(USAGE);
  const format = reportQuery.safeParse({ format: values.format ?? "" });
  const raw = {
    status: values.status,
    type: values.type,
    sourceId: values["source-id"],
    speakerId: values["speaker-id"],
    reviewerId: values["reviewer-id"],
    from: values.from,
    to: values.to,
  };
  const filters = reportFiltersQuery.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
  if (!format.success || !filters.success) {
    const issues = [...(format.error?.issues ?? []), ...(filters.error?.issues ?? [])];
    console.error(`${issues.map((i) => `${i.path.join(".") || "filters"}: ${i.message}`).join("\n")}\n\n${USAGE}`);
    process.exit(2);
  }
  await migrateDesk();
  const total = await countReportClaims(filters.data);
  const started = Date.now();
  let lastReport = 0;
  const progress = (done: number) => {
    if (values.quiet || (done < total && Date.now() - lastReport < 1000)) return;
    lastReport = Date.now();
    process.stderr.write(`\r${done.toLocaleString("en")} / ${total.toLocaleString("en")} claims${" ".repeat(10)}`);
  };
  for await (const piece of reportPieces(format.data.format, filters.data, progress)) {
    // respect the pipe: wait when the reader is slower than we are
    if (!process.stdout.write(piece)) await new Promise((resolve) => process.stdout.once("drain", resolve));
  }
  if (!values.quiet) process.stderr.write(`\r${total.toLocaleString("en")} claims in ${((Date.now() - started) / 1000).toFixed(1)} s${" ".repeat(20)}\n`);
}

main()
  // closed, or a PostgreSQL pool would keep the process alive
  .then(closeDb)
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
