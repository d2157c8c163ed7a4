/**
 * A string-keyed cache that never holds more than `max` entries: past the
 * bound the older half goes (Map keeps insertion order), which is cheaper
 * than a true LRU and enough for caches whose entries are all alike.
 */
export type BoundedCache<V> = { get: (key: string) => V | undefined; set: (key: string, value: V) => V };

export function boundedCache<V>(max: number): BoundedCache<V> {
  const entries = new Map<string, V>();
  return {
    get: (key) => entries.get(key),
    set: (key, value) => {
      if (entries.size >= max) {
        let drop = Math.ceil(max / 2);
        for (const k of entries.keys()) {
          entries.delete(k);
          if (--drop === 0) break;
        }
      }
      entries.set(key, value);
      return value;
    },
  };
}
