/**
 * Clients that stream writes at a server through the JSON API, as scripts
 * would, and keep the ids of every write the server acknowledged: those are
 * the ones that must never be lost. A request cut off by a crash is neither
 * acknowledged nor counted as a failure.
 */
export type Ack = { kind: "verdict" | "claim" | "speaker" | "alias"; id: number; claimId?: number; at: number; port: number };

export type Tally = {
  acks: Ack[];
  /** responses by status, e.g. { 201: 830, 409: 12 } */
  statuses: Record<number, number>;
  /** responses that must never happen: 5xx, any other unexpected status, a lock error in a body */
  bad: Array<{ status: number; body: string; what: string }>;
  /** requests the server never answered (it was killed under them) */
  cutOff: number;
  /** every answer's status and when it came (performance.now()), for recovery times */
  timeline: Array<{ at: number; status: number }>;
};

export const newTally = (): Tally => ({ acks: [], statuses: {}, bad: [], cutOff: 0, timeline: [] });

export type Call = { status: number; body: Record<string, unknown>; text: string; retryAfter: string | null };

const LOCK_ERROR = /SQLITE_BUSY|database is locked|SQLITE_LOCKED/i;

/** A request with no answer by then is a hang, recorded as bad (a crash cuts requests off at once). */
const ANSWER_WITHIN_MS = 30_000;

/** A request that got no answer: cut off by a crash, or (after ANSWER_WITHIN_MS) a hang. */
function unanswered(tally: Tally, what: string, error: unknown) {
  if (error instanceof Error && error.name === "TimeoutError") tally.bad.push({ status: 0, body: `no answer within ${ANSWER_WITHIN_MS} ms`, what });
  else tally.cutOff += 1;
}

/** One JSON API request with the token; the answer's status, parsed body (or {}), text and Retry-After. */
export async function call(base: string, token: string, method: string, route: string, body?: unknown): Promise<Call> {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
  });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // a non-JSON answer is recorded as bad below
  }
  return { status: response.status, body: parsed, text, retryAfter: response.headers.get("retry-after") };
}

/**
 * The API's answer while the database is down: 503 with the JSON error shape
 * (code "unavailable") and a Retry-After header.
 */
export const isUnavailableAnswer = (result: Call) =>
  result.status === 503 && (result.body.error as { code?: unknown } | undefined)?.code === "unavailable" && Number(result.retryAfter) > 0;

function record(tally: Tally, what: string, result: Call, expected: number[], unavailableOk = false) {
  tally.statuses[result.status] = (tally.statuses[result.status] ?? 0) + 1;
  tally.timeline.push({ at: performance.now(), status: result.status });
  const expectedAnswer = expected.includes(result.status) || (unavailableOk && isUnavailableAnswer(result));
  if (!expectedAnswer || LOCK_ERROR.test(result.text)) {
    tally.bad.push({ status: result.status, body: result.text.slice(0, 300), what });
  }
}

export type Stop = { stopped: boolean };

/** How long a client waits after a 503 before its next request (shorter than Retry-After, to time the recovery). */
const UNAVAILABLE_PAUSE_MS = 100;

/**
 * Appends verdicts to `claims` in turn. Each write carries the version the
 * client last saw; a 409 (another client, or a write whose answer a crash
 * swallowed) teaches it the current one. Stops at `stop` or when the server
 * stops answering.
 */
export async function streamVerdicts(options: {
  base: string;
  token: string;
  port: number;
  claims: number[];
  versions: Map<number, number>;
  tally: Tally;
  stop: Stop;
  /** the database may be down for a while: a 503 (in the API's shape) is expected, and the client carries on */
  unavailableOk?: boolean;
}) {
  const { base, token, port, claims, versions, tally, stop, unavailableOk } = options;
  for (let i = 0; !stop.stopped; i++) {
    const claimId = claims[i % claims.length]!;
    const withEvidence = i % 5 === 0;
    const body = {
      status: i % 3 === 0 ? "pending" : i % 3 === 1 ? "corroborated" : "contradicted",
      rationale: `reliability write ${i} on ${port}`,
      baseVersion: versions.get(claimId) ?? 1,
      ...(withEvidence ? { evidence: [{ target: { kind: "url", url: `https://example.org/r/${i}` }, stance: "context" }] } : {}),
    };
    let result: Call;
    try {
      result = await call(base, token, "POST", `/api/v1/claims/${claimId}/verdicts`, body);
    } catch (error) {
      unanswered(tally, `verdict on claim ${claimId}`, error);
      return;
    }
    record(tally, `verdict on claim ${claimId}`, result, [201, 409], unavailableOk);
    if (result.status === 201) {
      const verdict = result.body.verdict as { id: number };
      tally.acks.push({ kind: "verdict", id: verdict.id, claimId, at: performance.now(), port });
      versions.set(claimId, result.body.version as number);
    } else if (result.status === 409) {
      const current = (result.body.error as { current?: { version: number } } | undefined)?.current;
      if (current) versions.set(claimId, current.version);
    } else if (unavailableOk && isUnavailableAnswer(result)) {
      // the write may have committed before the answer failed: a 409 then teaches the new version
      await pause(UNAVAILABLE_PAUSE_MS);
    } else {
      return;
    }
  }
}

/**
 * `clients` verdict streams on one server, each on its own share of the
 * claims, so that most writes land; 409s then come only from writes whose
 * answer a crash cut off.
 */
export function streamVerdictsShared(clients: number, options: Parameters<typeof streamVerdicts>[0]) {
  return Array.from({ length: clients }, (_, i) =>
    streamVerdicts({ ...options, claims: options.claims.filter((_, index) => index % clients === i) }),
  );
}

/**
 * Creates speakers with an alias each, and claims on the seeded quotes naming
 * them. With `unavailableOk`, a 503 (in the API's shape) at any step pauses
 * the client and it starts over with a new speaker.
 */
export async function streamSpeakersAndClaims(options: {
  base: string;
  token: string;
  port: number;
  quotes: Array<{ sourceId: number; start: number; end: number; quote: string }>;
  tally: Tally;
  stop: Stop;
  unavailableOk?: boolean;
}) {
  const { base, token, port, quotes, tally, stop, unavailableOk } = options;
  const down = async (result: Call) => {
    if (!(unavailableOk && isUnavailableAnswer(result))) return false;
    await pause(UNAVAILABLE_PAUSE_MS);
    return true;
  };
  for (let i = 0; !stop.stopped; i++) {
    const name = `Reliability Speaker ${port}-${i}`;
    try {
      const speaker = await call(base, token, "POST", "/api/v1/speakers", { name, kind: "person" });
      record(tally, "speaker", speaker, [201], unavailableOk);
      if (await down(speaker)) continue;
      if (speaker.status !== 201) return;
      const speakerId = speaker.body.id as number;
      tally.acks.push({ kind: "speaker", id: speakerId, at: performance.now(), port });

      const alias = await call(base, token, "POST", `/api/v1/speakers/${speakerId}/aliases`, { alias: `R.S. ${port}-${i}` });
      record(tally, "alias", alias, [201], unavailableOk);
      if (await down(alias)) continue;
      if (alias.status === 201) tally.acks.push({ kind: "alias", id: (alias.body.id as number) ?? -1, at: performance.now(), port });

      const quote = quotes[i % quotes.length]!;
      const claim = await call(base, token, "POST", "/api/v1/claims", { ...quote, speakerId, type: "statement" });
      record(tally, "claim", claim, [201], unavailableOk);
      if (await down(claim)) continue;
      if (claim.status !== 201) return;
      tally.acks.push({ kind: "claim", id: claim.body.id as number, at: performance.now(), port });
    } catch (error) {
      unanswered(tally, `speaker, alias or claim ${port}-${i}`, error);
      return;
    }
  }
}

/**
 * Reads through the API in a loop: the claim list and one claim at a time.
 * Each answer must be a 200 (or, with `unavailableOk`, the API's 503).
 */
export async function streamReads(options: { base: string; token: string; claims: number[]; tally: Tally; stop: Stop; unavailableOk?: boolean }) {
  const { base, token, claims, tally, stop, unavailableOk } = options;
  for (let i = 0; !stop.stopped; i++) {
    const route = i % 2 === 0 ? "/api/v1/claims?limit=20" : `/api/v1/claims/${claims[i % claims.length]}`;
    let result: Call;
    try {
      result = await call(base, token, "GET", route);
    } catch (error) {
      unanswered(tally, `read ${route}`, error);
      return;
    }
    record(tally, `read ${route}`, result, [200], unavailableOk);
    if (result.status !== 200) {
      if (!(unavailableOk && isUnavailableAnswer(result))) return;
      await pause(UNAVAILABLE_PAUSE_MS);
    }
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Both servers at once for `seconds`: on each, two verdict writers on the
 * same claims in opposite orders (real conflicts, answered 409) and one
 * writer of speakers, claims and aliases. Returns the tally when all stopped.
 */
export async function streamMixedWrites(options: {
  servers: Array<{ url: string; port: number }>;
  token: string;
  claims: Array<{ id: number; sourceId: number; start: number; end: number; quote: string }>;
  seconds: number;
}): Promise<Tally> {
  const tally = newTally();
  const stop: Stop = { stopped: false };
  const ids = options.claims.map((c) => c.id);
  const quotes = options.claims.map(({ sourceId, start, end, quote }) => ({ sourceId, start, end, quote }));
  const clients = options.servers.flatMap((server) => {
    const common = { base: server.url, token: options.token, port: server.port, tally, stop };
    return [
      streamVerdicts({ ...common, claims: ids, versions: new Map() }),
      streamVerdicts({ ...common, claims: [...ids].reverse(), versions: new Map() }),
      streamSpeakersAndClaims({ ...common, quotes }),
    ];
  });
  await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
  stop.stopped = true;
  await Promise.all(clients);
  return tally;
}
