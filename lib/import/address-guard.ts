/**
 * Decides whether the importer may open a connection to an address. Written
 * out as byte-prefix tables rather than with net.BlockList because a refusal
 * must say *why* ("a loopback address") and because IPv6 forms that carry an
 * IPv4 address inside (mapped, compatible, NAT64, 6to4) have to be judged by
 * the address they carry.
 *
 * Documentation ranges (192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32,
 * 3fff::/20) are refused: nothing real lives there, so a DNS answer pointing
 * into them is a misconfiguration or a trick.
 *
 * IPv6 is an allow-list: only global unicast (2000::/3) passes, minus the
 * special blocks inside it. Whatever the tables forget is refused, not allowed.
 */
import net from "node:net";

export type BlockedKind =
  | "loopback"
  | "private"
  | "link-local"
  | "metadata"
  | "shared"
  | "unspecified"
  | "multicast"
  | "broadcast"
  | "reserved"
  | "documentation";

export type AddressVerdict = { allowed: true } | { allowed: false; kind: BlockedKind; reason: string };

export type GuardOptions = {
  /** lifts every refusal except the cloud metadata service (IMPORT_ALLOW_PRIVATE_HOSTS) */
  allowPrivate?: boolean;
  /** exact addresses that pass although private: one intranet host, or a test's own server */
  allowAddresses?: readonly string[];
};

type Range = { prefix: number[]; bits: number; kind: BlockedKind; reason: string };

const range = (prefix: number[], bits: number, kind: BlockedKind, reason: string): Range => ({ prefix, bits, kind, reason });

// first match wins, so narrower entries come before the blocks that contain them
const V4_RANGES: Range[] = [
  range([0], 8, "unspecified", "an unspecified (\"this network\") address"),
  range([10], 8, "private", "a private address"),
  range([100, 64], 10, "shared", "a carrier-grade NAT (shared) address"),
  range([127], 8, "loopback", "a loopback address"),
  range([169, 254, 169, 254], 32, "metadata", "the cloud metadata service address"),
  range([169, 254], 16, "link-local", "a link-local address"),
  range([172, 16], 12, "private", "a private address"),
  range([192, 0, 0], 24, "reserved", "an IETF protocol-assignment address"),
  range([192, 0, 2], 24, "documentation", "a documentation (TEST-NET-1) address"),
  range([192, 88, 99], 24, "reserved", "a 6to4 relay anycast address"),
  range([192, 168], 16, "private", "a private address"),
  range([198, 18], 15, "reserved", "a benchmarking address"),
  range([198, 51, 100], 24, "documentation", "a documentation (TEST-NET-2) address"),
  range([203, 0, 113], 24, "documentation", "a documentation (TEST-NET-3) address"),
  range([224], 4, "multicast", "a multicast address"),
  range([255, 255, 255, 255], 32, "broadcast", "the broadcast address"),
  range([240], 4, "reserved", "a reserved address"),
];

// checked only after the embedded-IPv4 forms; everything outside 2000::/3 is refused afterwards
const V6_RANGES: Range[] = [
  range([0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54], 128, "metadata", "the cloud metadata service address"),
  range([0xfc], 7, "private", "a unique-local address"),
  range([0xfe, 0x80], 10, "link-local", "a link-local address"),
  range([0xfe, 0xc0], 10, "private", "a site-local address"),
  range([0xff], 8, "multicast", "a multicast address"),
  range([0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48, "private", "a local-use NAT64 address"),
  range([0x01, 0x00, 0, 0, 0, 0, 0, 0], 64, "reserved", "a discard-only address"),
  range([0x20, 0x01, 0x0d, 0xb8], 32, "documentation", "a documentation address"),
  range([0x3f, 0xff], 20, "documentation", "a documentation address"),
  range([0x20, 0x01, 0x00, 0x00], 32, "reserved", "a Teredo tunnel address"),
  range([0x20, 0x01, 0x00], 23, "reserved", "an IETF protocol-assignment address"),
];

const METADATA_NAMES = new Set(["metadata.google.internal", "metadata", "instance-data", "instance-data.ec2.internal"]);

function matches(bytes: number[], r: Range): boolean {
  let bits = r.bits;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((r.prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

function parseV4(address: string): number[] | null {
  if (!net.isIPv4(address)) return null;
  return address.split(".").map(Number);
}

function parseV6(address: string): number[] | null {
  const bare = address.replace(/%.*$/, "");
  if (!net.isIPv6(bare)) return null;
  let text = bare;
  // a dotted IPv4 tail ("::ffff:1.2.3.4") becomes two hex groups
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const v4 = parseV4(dotted[1]);
    if (!v4) return null;
    text = `${text.slice(0, dotted.index)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups =
    tail === undefined ? headGroups : [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups];
  if (groups.length !== 8) return null;
  return groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

function formatV4(bytes: number[]): string {
  return bytes.join(".");
}

function formatV6(bytes: number[]): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  // compress the longest run of zero groups (of two or more), as RFC 5952 asks
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === "0") j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  if (best < 0) return groups.join(":");
  return `${groups.slice(0, best).join(":")}::${groups.slice(best + bestLen).join(":")}`;
}

/** One spelling per address, so allow-lists and messages compare like with like. */
export function canonicalAddress(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, "");
  const v4 = parseV4(bare);
  if (v4) return formatV4(v4);
  const v6 = parseV6(bare);
  return v6 ? formatV6(v6) : null;
}

function classifyV4(bytes: number[]): AddressVerdict {
  const hit = V4_RANGES.find((r) => matches(bytes, r));
  return hit ? { allowed: false, kind: hit.kind, reason: hit.reason } : { allowed: true };
}

function embedded(bytes: number[], from: number, label: string): AddressVerdict {
  const v4 = bytes.slice(from, from + 4);
  const inner = classifyV4(v4);
  if (inner.allowed) return inner;
  return { allowed: false, kind: inner.kind, reason: `${label} of ${formatV4(v4)}, ${inner.reason}` };
}

function classifyV6(bytes: number[]): AddressVerdict {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return embedded(bytes, 12, "an IPv4-mapped address");
  if (zeros(0, 12)) {
    if (zeros(12, 16)) return { allowed: false, kind: "unspecified", reason: "the unspecified address" };
    if (zeros(12, 15) && bytes[15] === 1) return { allowed: false, kind: "loopback", reason: "a loopback address" };
    const inner = embedded(bytes, 12, "an IPv4-compatible address");
    // deprecated and never routed, even when the IPv4 inside is public
    return inner.allowed ? { allowed: false, kind: "reserved", reason: "a deprecated IPv4-compatible address" } : inner;
  }
  if (matches(bytes, range([0x00, 0x64, 0xff, 0x9b], 96, "reserved", ""))) return embedded(bytes, 12, "a NAT64 address");
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return embedded(bytes, 2, "a 6to4 address");
  const hit = V6_RANGES.find((r) => matches(bytes, r));
  if (hit) return { allowed: false, kind: hit.kind, reason: hit.reason };
  if (((bytes[0] ?? 0) & 0xe0) !== 0x20) return { allowed: false, kind: "reserved", reason: "a reserved address (outside global unicast)" };
  return { allowed: true };
}

/** What the address is, ignoring any option: for messages and tests. */
export function classifyAddress(address: string): AddressVerdict {
  const bare = address.replace(/^\[|\]$/g, "");
  const v4 = parseV4(bare);
  if (v4) return classifyV4(v4);
  const v6 = parseV6(bare);
  if (v6) return classifyV6(v6);
  return { allowed: false, kind: "reserved", reason: "not an IP address" };
}

export function checkAddress(address: string, options: GuardOptions = {}): AddressVerdict {
  const verdict = classifyAddress(address);
  if (verdict.allowed) return verdict;
  // an intranet importer never needs the metadata service, which hands out cloud credentials
  if (verdict.kind === "metadata") return verdict;
  if (options.allowPrivate) return { allowed: true };
  const canonical = canonicalAddress(address);
  if (canonical && options.allowAddresses?.some((a) => canonicalAddress(a) === canonical)) return { allowed: true };
  return verdict;
}

/**
 * Names refused before any DNS query. localhost never needs to reach DNS
 * (and a hosts file may say anything); metadata names are refused even with
 * allowPrivate, like the metadata address.
 */
export function checkHostname(hostname: string, options: GuardOptions = {}): AddressVerdict {
  const name = hostname.toLowerCase().replace(/\.+$/, "");
  if (METADATA_NAMES.has(name)) return { allowed: false, kind: "metadata", reason: "the cloud metadata service" };
  if (!options.allowPrivate && (name === "localhost" || name.endsWith(".localhost"))) {
    return { allowed: false, kind: "loopback", reason: "a loopback name" };
  }
  return { allowed: true };
}
