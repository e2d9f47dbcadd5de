// Ranges no rule may flag: URLs, e-mail addresses, @handles, and code left in the text (markup
// tags, template placeholders). Findings touching them are dropped centrally by the engine, so
// kinds need not know about them.

/**
 * Each pattern with a literal text every match contains. No match contains white space, so a
 * pattern is run only over the white-space-delimited stretches that hold its literal: news text
 * rarely has any, and a long text with one address is not searched whole (a case-insensitive
 * Unicode pattern tried at every word of a megabyte takes ≈ 80 ms).
 */
const PROTECTED: { re: RegExp; literal: RegExp }[] = [
  { re: /\b(?:https?|ftp):\/\/[^\s<>"“”]+/giu, literal: /:\/\//g },
  { re: /\bwww\.[^\s<>"“”]+/giu, literal: /www\./gi },
  { re: /\b[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}\b/giu, literal: /@/g },
  { re: /(?<![\p{L}\p{N}])@[A-Za-z0-9_]{2,}/gu, literal: /@/g },
];

const SPACE = /\s/;

/**
 * Code in running text, which may hold white space: each pattern is tried (sticky) only where its
 * literal occurs. Markup tags (`<img style="#{img_style}" src="…"/>`, `</span>`: a letter after
 * `<`, attributes, `>`) and template placeholders (`#{img_style}`, `${total}`, `%{name}`,
 * `{{ user.name }}`, `{% block %}`, `<%= title %>`), as scraped pages and feeds carry them.
 */
const CODE: { re: RegExp; literal: RegExp }[] = [
  { re: /<\/?[A-Za-z][\w:-]*(?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))?)*\s*\/?>/y, literal: /</g },
  { re: /<%[^%]{0,200}%>|[#$%]\{[^{}\n]{1,100}\}|\{\{[^{}\n]{1,100}\}\}|\{%[^%\n]{1,100}%\}/y, literal: /<%|[#$%]\{|\{[{%]/g },
];

/** Sorted, merged [start, end) pairs. */
export function findProtectedRanges(text: string): [number, number][] {
  const found: [number, number][] = [];
  for (const { re, literal } of PROTECTED) {
    literal.lastIndex = 0;
    for (let l = literal.exec(text); l !== null; l = literal.exec(text)) {
      // The stretch around the literal, between white space (what precedes and follows it is
      // white space, so \b and look-behinds see there what they would in the whole text).
      let from = l.index;
      while (from > 0 && !SPACE.test(text[from - 1])) from--;
      let to = l.index + l[0].length;
      while (to < text.length && !SPACE.test(text[to])) to++;
      const stretch = text.slice(from, to);
      re.lastIndex = 0;
      for (let m = re.exec(stretch); m !== null; m = re.exec(stretch)) {
        let end = m.index + m[0].length;
        // A sentence full stop or closing bracket after a URL is not part of it.
        while (end > m.index && /[.,;:!?)\]]/.test(stretch[end - 1])) end--;
        found.push([from + m.index, from + end]);
      }
      literal.lastIndex = to;
    }
  }
  for (const { re, literal } of CODE) {
    literal.lastIndex = 0;
    for (let l = literal.exec(text); l !== null; l = literal.exec(text)) {
      re.lastIndex = l.index;
      const m = re.exec(text);
      if (m) {
        found.push([m.index, m.index + m[0].length]);
        literal.lastIndex = m.index + m[0].length;
      }
    }
  }
  return mergeRanges(found);
}

/** [start, end) pairs sorted, and those that overlap or touch merged. */
export function mergeRanges(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
