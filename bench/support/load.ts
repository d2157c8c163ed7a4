import autocannon from "autocannon";

export type Load = { rps: number; p50: number; p95?: number; p99: number; requests: number };

/**
 * One autocannon run after a one-second warm-up at the same concurrency (the
 * first requests pay for JIT and module loading, which is not steady state).
 * Any answer other than 2xx, or any socket error, fails the bench: a fast
 * stream of 401s or 500s would measure the wrong thing.
 */
export async function load(options: { url: string; connections: number; seconds: number; headers?: Record<string, string> }): Promise<Load> {
  const base = { url: options.url, connections: options.connections, headers: options.headers, timeout: 15 };
  await autocannon({ ...base, duration: 1 });
  const result = await autocannon({ ...base, duration: options.seconds });
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(
      `${options.url} at ${options.connections} connections: ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodeStats)}), ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return { rps: result["2xx"] / result.duration, p50: result.latency.p50, p99: result.latency.p99, requests: result["2xx"] };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
