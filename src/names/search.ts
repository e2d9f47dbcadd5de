// The gazetteer's fuzzy targets near a folded word: the buckets of its first letter and nearby
// lengths, each key refused by the similarity bound before the similarity is computed.

import { bucket, type Gazetteer, type Key } from './gazetteer.js';
import { close, headOf, letterMask, similarityBound, type Closeness, type Thresholds } from './similarity.js';

const keyLetters = new WeakMap<Key[], { masks: Int32Array; heads: Int32Array; lengths: Int32Array }>();

/** Each key's letter mask, head and length, per bucket list (computed on its first visit). */
function lettersOf(keys: Key[]): { masks: Int32Array; heads: Int32Array; lengths: Int32Array } {
  let l = keyLetters.get(keys);
  if (!l) {
    l = { masks: new Int32Array(keys.length), heads: new Int32Array(keys.length), lengths: new Int32Array(keys.length) };
    for (let k = 0; k < keys.length; k++) {
      l.masks[k] = letterMask(keys[k].fold);
      l.heads[k] = headOf(keys[k].fold);
      l.lengths[k] = keys[k].fold.length;
    }
    keyLetters.set(keys, l);
  }
  return l;
}

export interface Neighbour extends Closeness {
  key: Key;
}

/** Gazetteer keys close to a folded word, cached per distinct word. */
export function neighbours(g: Gazetteer, folded: string, t: Thresholds): Neighbour[] {
  const tKey = `${t.maxDistance}/${t.minSimilarity}`;
  let cache = g.neighbours.get(tKey);
  if (!cache) g.neighbours.set(tKey, (cache = new Map()));
  let found = cache.get(folded);
  if (found) return found;
  found = [];
  const n = folded.length;
  const mask = letterMask(folded);
  const head = headOf(folded);
  const visit = (keys: Key[] | undefined) => {
    if (!keys) return;
    const { masks, heads, lengths } = lettersOf(keys);
    for (let k = 0; k < keys.length; k++) {
      if (similarityBound(n, mask, head, lengths[k], masks[k], heads[k]) < t.minSimilarity - 1e-9) continue;
      const c = close(folded, keys[k].fold, t);
      if (c) found!.push({ key: keys[k], ...c });
    }
  };
  // The buckets' lists gazetteer's own first, then each index's, without concatenating them.
  for (let len = n - t.maxDistance - 1; len <= n + t.maxDistance + 1; len++) {
    const b = bucket(folded, len);
    visit(g.keys.get(b));
    for (const index of g.indexes) visit(index.keys(b));
  }
  // NOTE: a batch run sees many distinct words; the cache is dropped rather than grown forever.
  if (cache.size > 50_000) cache.clear();
  cache.set(folded, found);
  return found;
}
