import fs from "node:fs";

export default function globalTeardown() {
  const file = process.env.E2E_DATABASE_FILE;
  if (!file) return;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}
