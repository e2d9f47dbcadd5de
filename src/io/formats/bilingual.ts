// What the bilingual formats (XLIFF, TMX, TSV) share: the text of a segment whose inline markup
// is the translation industry's (XLIFF <g>, <x/>, <ph>…</ph>, <pc>, <mrk>; TMX <bpt>, <ph>, <hi>),
// mapped back unit by unit into the file; and an article made of units — the targets joined by
// blank lines, each with its source — for the source-aware checks (src/source/context.ts).
//
//   <target>Lavor <g id="1">said</g><x id="2"/> on Monday</target>
//           ^^^^^ ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ checked: "Lavor said\uFFFC on Monday"

import type { Bilingual, Segment } from '../../source/context.js';
import { concatMaps, encodeHtml, MapBuilder, PLACEHOLDER, type SourceMap } from '../mapping.js';
import type { Article } from './types.js';

/** Inline elements whose content is native code (dropped), and those that stand for code (a placeholder). */
const CODE_CONTENT = new Set(['ph', 'bpt', 'ept', 'it', 'sub', 'ut']);
const PLACEHOLDERS = new Set(['x', 'bx', 'ex', 'ph', 'sc', 'ec']);

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/y;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;

/**
 * The text of the XML content source[from, to) with inline markup: text, character references and
 * CDATA kept; <g>, <mrk>, <pc>, <hi> and the like read for their text; the content of <ph>, <bpt>,
 * <ept>, <it>, <sub>, <ut> dropped (code); <x/>, <bx/>, <ex/>, <ph/>, <sc/>, <ec/> read as a
 * placeholder; <cp hex="…"/> as its character. Replacement text is escaped as character data.
 */
export function inlineText(source: string, from: number, to: number): SourceMap {
  const b = new MapBuilder();
  let j = from;
  const raw = (a: number, z: number) => {
    for (let k = a; k < z; ) {
      if (source[k] === '\r') {
        const len = source[k + 1] === '\n' ? 2 : 1;
        b.decoded('\n', k, k + len);
        k += len;
      } else {
        let stop = source.indexOf('\r', k);
        if (stop < 0 || stop > z) stop = z;
        b.copy(source, k, stop);
        k = stop;
      }
    }
  };
  const cdata: [number, number][] = [];
  while (j < to) {
    const c = source[j];
    if (c === '<') {
      if (source.startsWith('<![CDATA[', j)) {
        const close = source.indexOf(']]>', j + 9);
        const end = close < 0 || close > to ? to : close;
        cdata.push([j + 9, end]);
        raw(j + 9, end);
        j = end + 3;
        continue;
      }
      if (source.startsWith('<!--', j) || source.startsWith('<?', j)) {
        const close = source.indexOf(source[j + 1] === '!' ? '-->' : '?>', j);
        j = close < 0 ? to : close + (source[j + 1] === '!' ? 3 : 2);
        continue;
      }
      TAG.lastIndex = j;
      const m = TAG.exec(source);
      if (!m) {
        b.copy(source, j, j + 1);
        j++;
        continue;
      }
      const [whole, closing, qname, attrs, selfClosing] = m;
      const name = qname.replace(/^[\w.-]+:/, '');
      const tagEnd = j + whole.length;
      if (!closing && name === 'cp') {
        const hex = /hex\s*=\s*["']([0-9a-fA-F]+)["']/.exec(attrs);
        if (hex) b.decoded(String.fromCodePoint(parseInt(hex[1], 16)), j, tagEnd);
        j = tagEnd;
      } else if (!closing && !selfClosing && CODE_CONTENT.has(name)) {
        // Native code: skip to the element's end (these do not nest in themselves).
        const close = source.indexOf(`</${qname}`, tagEnd);
        const end = close < 0 || close > to ? to : source.indexOf('>', close) + 1;
        if (name === 'ph' || name === 'it') b.synthetic(PLACEHOLDER, j);
        j = end;
      } else if (!closing && selfClosing && PLACEHOLDERS.has(name)) {
        b.synthetic(PLACEHOLDER, j);
        j = tagEnd;
      } else {
        j = tagEnd;
      }
      continue;
    }
    if (c === '&') {
      ENTITY.lastIndex = j;
      const m = ENTITY.exec(source);
      if (m) {
        const ch = m[3] ? NAMED[m[3]] : String.fromCodePoint(m[1] ? parseInt(m[1], 16) : parseInt(m[2], 10));
        b.decoded(ch, j, j + m[0].length);
        j += m[0].length;
        continue;
      }
    }
    let stop = j + 1;
    while (stop < to && source[stop] !== '<' && source[stop] !== '&') stop++;
    raw(j, stop);
    j = stop;
  }
  const built = b.build(from);
  const inCdata = (p: number) => cdata.some(([a, z]) => p >= a && p < z);
  built.encode = (text, at) => {
    const p = built.text.length === 0 ? from : built.start[Math.min(at, built.text.length - 1)];
    return inCdata(p) ? text.replace(/]]>/g, ']]]]><![CDATA[>') : encodeHtml(text);
  };
  return built;
}

/** One unit read from a bilingual file: its id, its source's text, its target's map (null: no target). */
export interface Unit {
  id: string;
  source: string;
  target: SourceMap | null;
  /** Where an empty or missing target would be, for reporting it. */
  at: number;
}

/**
 * An article of units: the targets' text joined by blank lines (an empty target adds nothing but
 * its place), each unit's source beside its range in that text.
 */
export function unitsArticle(units: readonly Unit[], sourceLang: string | undefined, id: string | undefined, origin: number): Article {
  const parts: SourceMap[] = [];
  const segments: Segment[] = [];
  let offset = 0;
  for (const u of units) {
    const text = u.target?.text ?? '';
    if (text.trim() === '') {
      // No translation: an empty place in the text, pinned to where the target is (or would be).
      segments.push({ source: u.source, start: offset, end: offset, id: u.id });
      continue;
    }
    if (parts.length > 0) offset += 2;
    segments.push({ source: u.source, start: offset, end: offset + text.length, id: u.id });
    parts.push(u.target!);
    offset += text.length;
  }
  const bilingual: Bilingual = { segments };
  if (sourceLang) bilingual.sourceLang = sourceLang;
  const article: Article = { map: concatMaps(parts, units[0]?.at ?? origin), blocks: [], bilingual };
  if (id !== undefined) article.id = id;
  return article;
}
