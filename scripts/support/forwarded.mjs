/**
 * Who is on the other end of a request, as the desk may believe it.
 *
 * A client can send any X-Forwarded-For it likes, and Next.js keeps one the
 * client sent (it only fills the header in when it is missing), so the
 * sign-in limiter could be told a new address for every guess. Here the
 * header is rebuilt from the socket before Next.js sees the request:
 *
 * - `TRUST_PROXY_HOPS` unset or 0: the client is the socket's peer, whatever
 *   the request says; X-Forwarded-Host/-Proto/-Port from the client are
 *   dropped too (Next.js fills them from the request itself).
 * - `TRUST_PROXY_HOPS=N`: N proxies of yours stand in front of the desk, each
 *   appending the address it saw to X-Forwarded-For. The client is then the
 *   address N hops back from the socket: entries further left were written by
 *   the client and are not believed.
 *
 * Plain JavaScript, so `node scripts/serve.mjs` runs it without a build step.
 */

/** @param {string | undefined} raw @returns {number} */
export function trustedHops(raw) {
  if (raw === undefined || raw.trim() === "") return 0;
  if (!/^\d{1,2}$/.test(raw.trim())) {
    throw new Error(`TRUST_PROXY_HOPS must be a whole number of proxies (0 to 99), not "${raw}".`);
  }
  return Number(raw.trim());
}

/** "::ffff:127.0.0.1" is how a dual-stack socket names an IPv4 peer. @param {string} address */
const plain = (address) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");

/**
 * The client's address: the socket's peer, or with `hops` trusted proxies the
 * entry that many steps back along X-Forwarded-For.
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {number} hops
 * @returns {string}
 */
export function clientAddress(socketAddress, forwardedFor, hops) {
  const peer = plain(socketAddress ?? "unknown");
  if (hops === 0) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [
    ...header
      .split(",")
      .map((hop) => hop.trim())
      .filter(Boolean),
    peer,
  ];
  // the last entry is our nearest proxy (the socket), each trusted hop one further to the left
  return plain(chain[Math.max(0, chain.length - 1 - hops)]);
}

/**
 * Rewrites a Node request's forwarding headers in place, before Next.js reads them.
 * @param {import("node:http").IncomingMessage} request
 * @param {number} hops
 */
export function rewriteForwarded(request, hops) {
  const address = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], hops);
  request.headers["x-forwarded-for"] = address;
  if (hops === 0) {
    delete request.headers["x-forwarded-host"];
    delete request.headers["x-forwarded-proto"];
    delete request.headers["x-forwarded-port"];
  }
}
