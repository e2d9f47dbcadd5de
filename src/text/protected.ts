// Ranges no rule may flag: URLs, e-mail addresses, @handles. Findings touching them are dropped
// centrally by the engine, so kinds need not know about them.

/** Each pattern with a cheap test for what every match contains: news text rarely has any. */
const PROTECTED: [RegExp, (text: string) => boolean][] = [
  [/\b(?:https?|ftp):\/\/[^\s<>"“”]+/giu, (t) => t.includes('://')],
  [/\bwww\.[^\s<>"“”]+/giu, (t) => /www\./i.test(t)],
  [/\b[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}\b/giu, (t) => t.includes('@')],
  [/(?<![\p{L}\p{N}])@[A-Za-z0-9_]{2,}/gu, (t) => t.includes('@')],
];

/** Sorted, merged [start, end) pairs. */
export function findProtectedRanges(text: string): [number, number][] {
  const found: [number, number][] = [];
  for (const [re, anchor] of PROTECTED) {
    if (!anchor(text)) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      let end = m.index + m[0].length;
      // A sentence full stop or closing bracket after a URL is not part of it.
      while (end > m.index && /[.,;:!?)\]]/.test(text[end - 1])) end--;
      found.push([m.index, end]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
