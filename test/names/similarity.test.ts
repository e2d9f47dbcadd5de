// The names code's string measures: the letter-mask and prefix bound never refuses a pair natural's
// Jaro-Winkler would accept (it prunes the fuzzy search over the gazetteer's buckets); the
// similarity is natural's Jaro-Winkler and the edit distance natural's restricted one, both
// computed without natural's allocations.

import { createRequire } from 'node:module';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { editDistance, headOf, letterMask, similarity, similarityBound } from '../../src/names/similarity.js';
import { rng } from '../helpers.js';

test('similarityBound is never below the Jaro-Winkler similarity (random words, near misspellings, shared first letters)', () => {
  const r = rng(3);
  // Letters whose codes share their low five bits (a and A, ö, ё, ’) exercise the mask's collisions.
  const letters = 'abcdefghijklmnopqrstuvwxyzaeiouyzhkvöëёя’-';
  const word = (n: number) => Array.from({ length: n }, () => letters[Math.floor(r() * letters.length)]).join('');
  const edit = (w: string) => {
    const i = Math.floor(r() * w.length);
    const op = Math.floor(r() * 4);
    if (op === 0) return w.slice(0, i) + w.slice(i + 1);
    if (op === 1) return w.slice(0, i) + word(1) + w.slice(i);
    if (op === 2) return w.slice(0, i) + word(1) + w.slice(i + 1);
    return w.slice(0, i) + w.slice(i + 1, i + 2) + w.slice(i, i + 1) + w.slice(i + 2);
  };
  let near = 0;
  let refused = 0;
  for (let n = 0; n < 20000; n++) {
    const a = word(1 + Math.floor(r() * 12));
    let b = n % 2 ? word(1 + Math.floor(r() * 12)) : edit(a);
    if (r() < 0.5) b = edit(b);
    // Half the pairs share their first letters, as the words of one bucket do.
    if (n % 4 < 2) b = a.slice(0, Math.floor(r() * 5)) + b;
    if (b === '') continue;
    const sim = similarity(a, b);
    if (sim >= 0.88) near++;
    const bound = similarityBound(a.length, letterMask(a), headOf(a), b.length, letterMask(b), headOf(b));
    assert.ok(bound >= sim - 1e-9, `${a} / ${b}: bound ${bound} < similarity ${sim}`);
    if (bound < 0.88) refused++;
  }
  // Enough pairs were close enough for the search to keep them, and enough were refused.
  assert.ok(near > 2000, String(near));
  assert.ok(refused > 5000, String(refused));
});

test('similarity gives natural’s Jaro-Winkler similarity, to the last bit (random words, near misspellings, one-letter and empty words)', () => {
  const jaroWinkler = createRequire(import.meta.url)('natural/lib/natural/distance/jaro-winkler_distance.js') as (a: string, b: string) => number;
  const r = rng(11);
  const letters = 'abcdeaeöё’';
  const word = (n: number) => Array.from({ length: n }, () => letters[Math.floor(r() * letters.length)]).join('');
  const pairs: [string, string][] = [['', ''], ['', 'a'], ['a', ''], ['a', 'a'], ['a', 'b'], ['ab', 'ba'], ['zelensky', 'zelenskyy'], ['lavrov', 'lavor'], ['arakhamia', 'arachhamia']];
  for (let n = 0; n < 20000; n++) {
    const a = word(Math.floor(r() * 12));
    pairs.push([a, r() < 0.5 ? word(Math.floor(r() * 12)) : a.slice(0, Math.floor(r() * a.length)) + word(Math.floor(r() * 3)) + a.slice(Math.floor(r() * a.length))]);
  }
  for (const [a, b] of pairs) assert.ok(Object.is(similarity(a, b), jaroWinkler(a, b)), `${a} / ${b}: ${similarity(a, b)} ≠ ${jaroWinkler(a, b)}`);
});

test('editDistance gives natural’s restricted Damerau-Levenshtein, and without transpositions its Levenshtein distance', () => {
  const lev = createRequire(import.meta.url)('natural/lib/natural/distance/levenshtein_distance.js') as {
    DamerauLevenshteinDistance: (a: string, b: string, o: { restricted: boolean }) => number;
    LevenshteinDistance: (a: string, b: string) => number;
  };
  const r = rng(8);
  const letters = 'abcdeöё’';
  const word = () => Array.from({ length: Math.floor(r() * 9) }, () => letters[Math.floor(r() * letters.length)]).join('');
  for (let n = 0; n < 5000; n++) {
    // Short words over few letters: many transpositions, repeats and empty strings; long ones grow the rows.
    const a = n % 50 === 0 ? word().repeat(4) : word();
    const b = r() < 0.5 ? word() : a.split('').reverse().join('');
    assert.is(editDistance(a, b), lev.DamerauLevenshteinDistance(a, b, { restricted: true }), `${a} / ${b}`);
    assert.is(editDistance(a, b, false), lev.LevenshteinDistance(a, b), `${a} / ${b} (no transpositions)`);
  }
});

test('editDistance is the restricted Damerau-Levenshtein (natural’s unrestricted one gives 0 here)', () => {
  assert.is(editDistance('zelensky', 'zelenskyy'), 1);
  assert.is(editDistance('lavrov', 'lavrvo'), 1);
  assert.is(editDistance('ca', 'abc'), 3);
});

test.run();
