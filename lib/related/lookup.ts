/**
 * What names resolve to, for one call. Every lookup is memoised: relating
 * 200 claims on one story asks about the same few names thousands of times.
 * - key: nameKey of a text;
 * - alias: the desk's canonical name for a key (the caller's map, then this
 *   call's speakers);
 * - resolve: alias, else the gazetteer's country;
 * - keys: key, first and last word keys of a canonical name.
 */
import { GAZETTEER } from "./gazetteer";
import { fastKey } from "./keys";
import type { RelatedInput } from "./types";

export type Hit = { name: string; kind: "alias" | "place" };
export type NameKeys = { key: string; first: string; last: string };

export type Lookup = {
  key: (text: string) => string;
  alias: (key: string) => string | undefined;
  resolve: (key: string) => Hit | null;
  keys: (name: string) => NameKeys;
};

export function makeLookup(alias: (key: string) => string | undefined): Lookup {
  const keyMemo = new Map<string, string>();
  const hitMemo = new Map<string, Hit | null>();
  const nameMemo = new Map<string, NameKeys>();
  const key = (text: string) => {
    let k = keyMemo.get(text);
    if (k === undefined) keyMemo.set(text, (k = fastKey(text)));
    return k;
  };
  const resolve = (k: string) => {
    let hit = hitMemo.get(k);
    if (hit === undefined) {
      const a = alias(k);
      const place = a === undefined ? GAZETTEER.get(k) : undefined;
      hit = a !== undefined ? { name: a, kind: "alias" } : place !== undefined ? { name: place, kind: "place" } : null;
      hitMemo.set(k, hit);
    }
    return hit;
  };
  const keys = (name: string) => {
    let n = nameMemo.get(name);
    if (n === undefined) {
      const space = name.indexOf(" ");
      const last = key(name.slice(name.lastIndexOf(" ") + 1));
      n = { key: key(name), first: space === -1 ? last : key(name.slice(0, space)), last };
      nameMemo.set(name, n);
    }
    return n;
  };
  return { key, alias, resolve, keys };
}

/**
 * The caller's alias map, then the names and aliases of the speakers in this
 * call: "Choi" in a quote resolves even when the caller passed no map, as
 * long as some claim here is Choe's. Layered, not merged: the caller's map
 * may hold the whole desk, and copying it per call would cost more than
 * the scoring.
 */
export function lookupFor(claims: RelatedInput[], given: ReadonlyMap<string, string> | undefined): Lookup {
  const local = new Map<string, string>();
  const seen = new Set<number>();
  for (const { speaker } of claims) {
    if (seen.has(speaker.id)) continue;
    seen.add(speaker.id);
    const keys = [speaker.name, ...speaker.aliases].map(fastKey).filter((k) => k !== "");
    // two records sharing a spelling ("Northwind Corp" on both) name one entity: the first canonical name wins for all
    const taken = keys.find((k) => local.has(k));
    const canonical = taken === undefined ? speaker.name : local.get(taken)!;
    for (const k of keys) if (!local.has(k)) local.set(k, canonical);
  }
  return makeLookup((k) => given?.get(k) ?? local.get(k));
}
