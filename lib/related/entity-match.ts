/**
 * Whether two claims name the same people, places and organisations, and
 * how to say so to the reviewer.
 */
import type { Entity } from "./entities";
import { fastKey } from "./keys";

export type EntityMatch = { a: Entity; b: Entity; weight: number };

const PLACES_ONLY = 0.5;

/** One word of a name written alone: a surname ("Berg"), a club's or firm's first word ("Atletico", "Northwind"). */
const shortFor = (short: Entity, full: Entity) =>
  short.kind === "name" && full.kind !== "place" && short.key === short.last && short.key !== full.key && (short.key === full.last || short.key === full.first);

function sameEntity(a: Entity, b: Entity): boolean {
  return a.key === b.key || shortFor(a, b) || shortFor(b, a);
}

/**
 * Overlap of two entity sets: the matched weight over the smaller set's
 * weight (a short claim naming two of a long claim's five names can be the
 * same claim), times a confidence that needs more than one shared name.
 * Countries alone count for at most half: claims on one story all name them.
 */
export function matchEntities(a: Entity[], b: Entity[]): { score: number; matches: EntityMatch[] } {
  const matches: EntityMatch[] = [];
  const used = new Set<Entity>();
  for (const x of a) {
    const y = b.find((e) => !used.has(e) && sameEntity(x, e));
    if (!y) continue;
    used.add(y);
    matches.push({ a: x, b: y, weight: Math.min(x.weight, y.weight) });
  }
  if (matches.length === 0) return { score: 0, matches };
  const total = (list: Entity[]) => list.reduce((s, e) => s + e.weight, 0);
  const matched = matches.reduce((s, m) => s + m.weight, 0);
  const smaller = Math.min(total(a), total(b));
  const placesOnly = matches.every((m) => m.a.kind === "place" && m.b.kind === "place");
  const score = Math.min(1, matched / smaller) * Math.min(1, matched / 1.5) * (placesOnly ? PLACES_ONLY : 1);
  return { score, matches: matches.sort((p, q) => q.weight - p.weight) };
}

/** "both name Moscow", or with both spellings when they differ: "both name Choe Son Hui ('Choe'; 'Choi')". */
export function describeMatch(m: EntityMatch): string {
  if (fastKey(m.a.surface) === fastKey(m.b.surface)) return `both name ${m.a.surface}`;
  const name = m.a.kind === "name" && m.b.kind !== "name" ? m.b.name : m.a.name;
  return `both name ${name} ('${m.a.surface}'; '${m.b.surface}')`;
}
