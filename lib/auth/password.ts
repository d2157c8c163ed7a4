import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id at OWASP's first recommended setting: 19 MiB memory, 2 passes,
 * 1 lane. (2 is Algorithm.Argon2id; the package ships it as a const enum,
 * which isolated modules cannot read.)
 */
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the email is unknown, so both cases cost the same time. */
let dummyHash: Promise<string> | undefined;
export function burnPasswordCheck(password: string): Promise<boolean> {
  dummyHash ??= hashPassword("claimdesk-timing-equaliser");
  return dummyHash.then((h) => verifyPassword(h, password)).then(() => false);
}
