import fs from "node:fs";
import path from "node:path";

/**
 * The desk's files hold what must stay private: every claim and verdict, the
 * password hashes, the secret that signs sessions, the demo password. They are
 * made readable by their owner only (600), in folders only the owner may list
 * (700), whatever the umask. Folders that exist already are left as they are:
 * /tmp, or a data folder an administrator set up on purpose.
 */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/** Creates the folder (and any missing parents) with mode 700. */
export function privateDir(dir: string): void {
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
}

/**
 * An empty file with mode 600, when there is none yet, so that whatever opens
 * it next (SQLite, which gives its -wal and -shm files the database file's
 * mode) starts from a private file.
 *
 * An existing file is never opened here: POSIX record locks belong to the
 * process, and closing any descriptor of a file drops every lock the process
 * holds on it, so opening and closing a database that another connection of
 * this process has open would silently release that connection's locks.
 */
export function touchPrivate(file: string): void {
  if (fs.existsSync(file)) return;
  privateDir(path.dirname(file));
  try {
    fs.closeSync(fs.openSync(file, "wx", PRIVATE_FILE));
  } catch (error) {
    // another process made it between the check and the open: it is theirs to have made
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}

/** Writes a new file with mode 600 (and tightens an existing one it replaces). */
export function writePrivate(file: string, data: string): void {
  privateDir(path.dirname(file));
  fs.writeFileSync(file, data, { mode: PRIVATE_FILE });
  fs.chmodSync(file, PRIVATE_FILE);
}

/** A copy that never replaces a file and is private whatever the source's mode was. */
export function copyPrivate(from: string, to: string): void {
  privateDir(path.dirname(to));
  fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
  fs.chmodSync(to, PRIVATE_FILE);
}

/**
 * Puts a finished file at its final name without ever replacing one: a hard
 * link fails with EEXIST when the name was taken meanwhile (a rename would
 * silently overwrite it), then the temporary name goes.
 */
export function publishWithoutReplacing(temporary: string, final: string): void {
  fs.linkSync(temporary, final);
  fs.unlinkSync(temporary);
}
