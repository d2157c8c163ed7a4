/**
 * `npm start`: one command from a fresh clone to a running desk.
 * 1. keeps a local AUTH_SECRET in data/auth-secret (made on first run, mode 600)
 * 2. migrates the database (SQLite by default; PostgreSQL when DATABASE_URL=postgres://…)
 * 3. seeds the demo desk when the database is empty (SEED_DEMO=false to skip). On PostgreSQL
 *    steps 2 and 3 hold an advisory lock, so two servers started together seed once.
 * 4. builds when there is no build or the sources changed since the last one
 * 5. serves (scripts/serve.mjs: Next.js behind a check of the forwarding headers) on HOST:PORT and prints the demo sign-in details
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import { closeDb, getDb, migrateDesk, withStartLock } from "@/db/client";
import { databaseUrlProblem } from "@/db/connection";
import { isPostgresUrl } from "@/db/engine";
import { checkDatabaseAtStart } from "@/db/startup";
import { users } from "@/db/schema";
import { describeCredentials, seedDemoAccounts, seedDesk } from "@/seed/seed-desk";
import { writePrivate } from "@/lib/private-files";
import { buildIfNeeded } from "./support/build";

const root = process.cwd();
const port = process.env.PORT || "3000";
const host = process.env.HOST || "127.0.0.1";
const serve = path.join(root, "scripts", "serve.mjs");

function localSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(root, "data", "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writePrivate(file, `${secret}\n`);
  console.log(`Created a local AUTH_SECRET in ${path.relative(root, file)}`);
  return secret;
}

/** Migrates, seeds an empty desk, and says how to sign in. */
async function migrateAndSeed(): Promise<string> {
  await migrateDesk();
  const [row] = await getDb().select({ n: count() }).from(users);
  const empty = (row?.n ?? 0) === 0;
  if (empty && process.env.SEED_DEMO !== "false") {
    const report = await seedDesk();
    const c = report.created;
    console.log(`Seeded the demo desk: ${c.sources} sources, ${c.speakers} speakers, ${c.claims} claims, ${c.verdicts} verdicts.`);
    return describeCredentials(report.credentials);
  }
  if (empty) return "No accounts yet: create the first admin with `npm run user -- add --email you@example.org --role admin`.";
  return describeCredentials(await seedDemoAccounts({ create: false }));
}

async function main() {
  const problem = databaseUrlProblem();
  if (problem) {
    console.error(`Refusing to start: ${problem}`);
    process.exit(1);
  }
  const env: NodeJS.ProcessEnv = {
    NEXT_TELEMETRY_DISABLED: "1",
    ...process.env,
    AUTH_SECRET: localSecret(),
    AUTH_TRUST_HOST: "true",
  };

  // before the migration and the seed write into it; the server it starts is told so
  // (CLAIMDESK_INTEGRITY_CHECKED) and does not read the whole file a second time
  if (!isPostgresUrl(process.env.DATABASE_URL)) {
    const check = checkDatabaseAtStart();
    if (!check.ok) {
      console.error(check.message);
      process.exit(1);
    }
    check.close();
    env.CLAIMDESK_INTEGRITY_CHECKED = check.file;
  }

  const signIn = await withStartLock(migrateAndSeed);
  await closeDb();

  buildIfNeeded(env);

  const server = spawn(process.execPath, [serve, "-H", host, "-p", port], { stdio: ["ignore", "inherit", "inherit"], env });
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

  const url = `http://${host === "127.0.0.1" || host === "0.0.0.0" ? "localhost" : host}:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      await fetch(`http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}/login`, { redirect: "manual" });
      console.log(`\nClaimdesk is serving on ${url}\n${signIn}\n`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  console.error(`The server did not answer on ${url} within a minute.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
