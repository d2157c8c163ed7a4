/**
 * `npm run import -- <files, folders or URLs>`: brings many articles in at
 * once, through the same import door as the page and the API (cleaning,
 * metadata, duplicates, suggested claims), as the shell's system actor.
 *
 * Folders are read recursively for .txt, .md and .html files. Each article is
 * its own transaction: one file's failure never stops the rest and never
 * leaves half a source. A second run of the same command imports nothing new:
 * an input seen before (the same bytes, once decoded) is skipped before it is
 * even cleaned, and an article the desk has under another file is a
 * duplicate. Ends with one line, `imported N, duplicates M, failed K`, then
 * each failure with its reason; the exit code is 1 when anything failed.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { closeDb, migrateDesk } from "@/db/client";
import { findSourceByRawHash } from "@/db/queries/sources";
import type { ActorRef } from "@/lib/auth/actor";
import { articleFromFile, UPLOAD_EXTENSIONS } from "@/lib/import/upload";
import { importSource } from "@/lib/sources/import";
import { IMPORT_MAX_BYTES } from "@/lib/validation/imports";

const USAGE = `Usage: npm run import -- <file | folder | http(s) URL> … [--outlet O] [--date YYYY-MM-DD] [--zone +09:00] [--quiet]
  Files: ${UPLOAD_EXTENSIONS.join(" ")} (${IMPORT_MAX_BYTES / 1024 / 1024} MB each at most); folders are read recursively.
  --outlet and --date fill in what an article does not say itself (the day only; --zone its UTC offset, default +00:00).`;

const SHELL: ActorRef = { type: "system", via: "import" };

type Item = { label: string; kind: "file" | "url"; target: string };
type Outcome = { status: "imported" | "duplicate" | "failed"; reason?: string };

/** Every article the arguments name, in a stable order; what cannot be read is reported as a failure. */
function collect(args: string[], failures: Array<{ label: string; reason: string }>): Item[] {
  const items: Item[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (UPLOAD_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) items.push({ label: full, kind: "file", target: full });
    }
  };
  for (const arg of args) {
    if (/^https?:\/\//i.test(arg)) items.push({ label: arg, kind: "url", target: arg });
    else if (!fs.existsSync(arg)) failures.push({ label: arg, reason: "no such file or folder" });
    else if (fs.statSync(arg).isDirectory()) walk(arg);
    else items.push({ label: arg, kind: "file", target: arg });
  }
  return items;
}

type Defaults = { outlet?: string; publishedAt?: string; publishedPrecision?: "date" };

async function importOne(item: Item, defaults: Defaults): Promise<Outcome> {
  let input: Record<string, unknown>;
  if (item.kind === "url") input = { url: item.target, defaults };
  else {
    const size = fs.statSync(item.target).size;
    if (size > IMPORT_MAX_BYTES) return { status: "failed", reason: `${(size / 1024 / 1024).toFixed(1)} MB; an article is at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB` };
    const read = articleFromFile(path.basename(item.target), fs.readFileSync(item.target), IMPORT_MAX_BYTES);
    if (!read.ok) return { status: "failed", reason: read.message.replace(`${path.basename(item.target)}: `, "") };
    // seen before, byte for byte: no need to clean it again
    if (await findSourceByRawHash(createHash("sha256").update(read.raw).digest("hex"))) return { status: "duplicate" };
    input = { raw: read.raw, format: read.format, fileName: path.basename(item.target), defaults };
  }
  const result = await importSource(SHELL, input, { via: "bulk import" });
  if (result.ok) return { status: "imported" };
  if (result.error.reason === "duplicate") return { status: "duplicate" };
  const fields = Object.entries(result.error.fields ?? {}).map(([k, v]) => `${k}: ${v}`);
  return { status: "failed", reason: fields.length ? `${result.error.message} (${fields.join("; ")})` : result.error.message };
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      quiet: { type: "boolean" },
      outlet: { type: "string" },
      date: { type: "string" },
      zone: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (positionals.length === 0 || values.help) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  if ((values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) || (values.zone && !/^[+-]\d{2}:\d{2}$/.test(values.zone))) {
    console.error(`--date is YYYY-MM-DD and --zone an offset such as +09:00.\n\n${USAGE}`);
    process.exit(2);
  }
  const defaults: Defaults = {
    ...(values.outlet ? { outlet: values.outlet } : {}),
    ...(values.date ? { publishedAt: `${values.date}T00:00:00${values.zone ?? "+00:00"}`, publishedPrecision: "date" as const } : {}),
  };
  await migrateDesk();
  const failures: Array<{ label: string; reason: string }> = [];
  const items = collect(positionals, failures);
  const bar = new cliProgress.SingleBar(
    { format: "Importing [{bar}] {value}/{total} {file}", stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  const show = !values.quiet && process.stderr.isTTY;
  if (show) bar.start(items.length, 0, { file: "" });
  const counts = { imported: 0, duplicate: 0, failed: failures.length };
  for (const item of items) {
    if (show) bar.update({ file: path.basename(item.label).slice(0, 40) });
    let outcome: Outcome;
    try {
      outcome = await importOne(item, defaults);
    } catch (error) {
      // an unexpected error in one article is that article's failure, not the run's
      outcome = { status: "failed", reason: error instanceof Error ? error.message : String(error) };
    }
    counts[outcome.status]++;
    if (outcome.status === "failed") failures.push({ label: item.label, reason: outcome.reason ?? "unknown" });
    if (show) bar.increment();
  }
  if (show) bar.stop();
  console.log(`imported ${counts.imported}, duplicates ${counts.duplicate}, failed ${counts.failed}`);
  for (const f of failures) console.log(`  failed: ${f.label}: ${f.reason}`);
  process.exitCode = counts.failed > 0 ? 1 : 0;
}

main()
  // closed, or a PostgreSQL pool would keep the process alive
  .then(closeDb)
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
