import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { closeDb, getDb, migrateDesk } from "@/db/client";
import { users } from "@/db/schema";
import type { ActorRef } from "@/lib/auth/actor";
import type { Result } from "@/lib/result";
import { changeRole, createUser, endAllSessions, resetPassword, setDisabled, unlockAccount } from "@/lib/users";

const USAGE = `Usage: npm run user -- <command> [options]
  add --email E --role admin|reviewer|viewer [--name N] [--password P | --password-stdin]
  role --email E --role R
  disable --email E              (ends its sessions and revokes its tokens)
  enable --email E
  reset-password --email E [--password P | --password-stdin]
  unlock --email E               (lifts sign-in locks and slow-downs at every address)
  sign-out --email E             (ends every session of the account)
  list
Without a password a strong one is generated and printed once. --password-stdin reads
it from standard input (first line), so it stays out of ps and the shell's history:
  printf '%s\n' "$PW" | npm run user -- reset-password --email E --password-stdin`;

const SHELL: ActorRef = { type: "system", via: "cli" };

function done<T>(result: Result<T>, message: (value: T) => string): void {
  if (!result.ok) {
    const fields = Object.entries(result.error.fields ?? {}).map(([k, v]) => `\n  ${k}: ${v}`).join("");
    console.error(`${result.error.message}${fields}`);
    process.exit(1);
  }
  console.log(message(result.value));
}

async function userIdFor(email: string | undefined): Promise<number> {
  if (!email) {
    console.error(`--email is required\n\n${USAGE}`);
    process.exit(2);
  }
  const [row] = await getDb().select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.trim().toLowerCase())).limit(1);
  if (!row) {
    console.error(`No account for ${email}.`);
    process.exit(1);
  }
  return row.id;
}

/** The first line of standard input, without its line ending; an empty one is refused. */
async function passwordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Password (then Enter): ");
  let text = "";
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes("\n") || text.length > 1000) break;
  }
  const line = text.split(/\r?\n/)[0] ?? "";
  if (!line) {
    console.error("--password-stdin read no password from standard input.");
    process.exit(2);
  }
  return line;
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
      "password-stdin": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const command = positionals[0];
  if (!command || values.help) {
    console.log(USAGE);
    process.exit(command ? 0 : 2);
  }
  if (values.password !== undefined && values["password-stdin"]) {
    console.error("Give --password or --password-stdin, not both.");
    process.exit(2);
  }
  const given = values["password-stdin"] ? await passwordFromStdin() : values.password;
  await migrateDesk();
  const generated = given ? null : randomBytes(15).toString("base64url");
  const password = given ?? generated!;
  const shown = generated ? `\n  password: ${generated} (shown once)` : "";

  switch (command) {
    case "add":
      return done(
        await createUser(SHELL, {
          email: values.email ?? "",
          name: values.name ?? values.email?.split("@")[0] ?? "",
          role: values.role ?? "",
          password,
        }),
        (u) => `Added ${u.email} as ${u.role}.${shown}`,
      );
    case "role":
      return done(await changeRole(SHELL, { userId: await userIdFor(values.email), role: values.role ?? "" }), (u) => `${u.email} is now ${u.role}.`);
    case "disable":
    case "enable":
      return done(await setDisabled(SHELL, { userId: await userIdFor(values.email), disabled: command === "disable" }), (u) => `${u.email} is ${u.disabled ? "disabled" : "enabled"}.`);
    case "reset-password":
      return done(await resetPassword(SHELL, { userId: await userIdFor(values.email), password }), (u) => `Password of ${u.email} reset.${shown}`);
    case "unlock":
      return done(await unlockAccount(SHELL, { userId: await userIdFor(values.email) }), (u) => `Sign-in unlocked for ${u.email} (${u.cleared} failure records cleared).`);
    case "sign-out":
      return done(await endAllSessions(SHELL, { userId: await userIdFor(values.email) }), (w) => `Ended ${w.sessionsEnded} session(s).`);
    case "list":
      for (const u of await getDb().select({ email: users.email, role: users.role, disabled: users.disabled }).from(users).orderBy(users.email)) {
        console.log(`${u.email}\t${u.role}${u.disabled ? "\tdisabled" : ""}`);
      }
      return;
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      process.exit(2);
  }
}

main()
  // closed, or a PostgreSQL pool would keep the process alive
  .then(closeDb)
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
