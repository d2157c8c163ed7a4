/**
 * Which database engine this process runs on, decided once from DATABASE_URL
 * when the process first asks: PostgreSQL for a `postgres://` or
 * `postgresql://` URL, else the embedded SQLite file (the default). The
 * tables (db/schema.ts), the connection (db/client.ts) and the few statements
 * written per engine all follow this one answer.
 */
export type Engine = "sqlite" | "postgres";

/** DATABASE_URL names PostgreSQL: postgres:// or postgresql://. */
export const isPostgresUrl = (url: string | undefined): url is string => Boolean(url && /^postgres(?:ql)?:\/\//i.test(url));

export const engineOf = (url: string | undefined): Engine => (isPostgresUrl(url) ? "postgres" : "sqlite");

let chosen: Engine | undefined;

export function engine(): Engine {
  chosen ??= engineOf(process.env.DATABASE_URL);
  return chosen;
}

export const onPostgres = (): boolean => engine() === "postgres";
