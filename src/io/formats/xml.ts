// What the XML formats (RSS/Atom feeds, XLIFF, TMX) share: a saxes parser that refuses a DOCTYPE
// declaring entities (the shape of an entity-expansion bomb; saxes itself never fetches anything)
// and reports a file that is not well-formed in one line; and the text of an element's content,
// mapped back unit by unit into the file so that fixes can be written in place.
//
//   <target>Lavor <g id="1">said</g><x id="2"/> on Monday</target>   inline: "Lavor said\uFFFC on Monday"
//   <title>Talks &amp; &lt;b&gt;deals&lt;/b&gt;</title>               plain:  "Talks & <b>deals</b>"

import { createRequire } from 'node:module';
import type { SaxesParser } from 'saxes';
import { UsageError } from '../../engine/errors.js';
import { encodeHtml, MapBuilder, PLACEHOLDER, type SourceMap } from '../mapping.js';

/** A strict parser for `path`; `what` names the document in the refusal ("the feed", "the file"). */
export function xmlParser(path: string, what: string, xmlns?: boolean): SaxesParser {
  const { SaxesParser } = createRequire(import.meta.url)('saxes') as typeof import('saxes');
  const parser = new SaxesParser({ position: true, fileName: path, ...(xmlns === undefined ? {} : { xmlns }) });
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) throw new UsageError(`${path}: ${what}'s DOCTYPE declares entities; refused (mtlint never expands DTD entities)`);
  });
  return parser;
}

/** Parses `source` to its end: the handlers' UsageErrors pass, saxes' `FILE:LINE:COL: message` becomes "not well-formed XML". */
export function parseXml(parser: SaxesParser, source: string, path: string): void {
  try {
    parser.write(source).close();
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const msg = (e as Error).message.split('\n')[0];
    const m = /^(.*:\d+:\d+): (.*)$/.exec(msg);
    throw new UsageError(m ? `${m[1]}: not well-formed XML: ${m[2]}` : `${path}: not well-formed XML: ${msg}`);
  }
}

/** Inline elements whose content is native code (dropped), and those that stand for code (a placeholder). */
const CODE_CONTENT = new Set(['ph', 'bpt', 'ept', 'it', 'sub', 'ut']);
const PLACEHOLDERS = new Set(['x', 'bx', 'ex', 'ph', 'sc', 'ec']);

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/y;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;

/**
 * The decoded text of the XML content source[from, to): text, character references and CDATA
 * sections kept, comments and processing instructions dropped, CRLF read as LF. Elements:
 * - `plain` (a feed's text fields, where none is expected): their tags dropped, their text kept;
 * - `inline` (XLIFF and TMX segments): <g>, <mrk>, <pc>, <hi> and the like read for their text;
 *   the content of <ph>, <bpt>, <ept>, <it>, <sub>, <ut> dropped (code); <x/>, <bx/>, <ex/>,
 *   <ph/>, <sc/>, <ec/> read as a placeholder; <cp hex="…"/> as its character.
 * Replacement text is escaped as character data, or kept raw inside a CDATA section.
 */
export function xmlText(source: string, from: number, to: number, elements: 'plain' | 'inline'): SourceMap {
  const b = new MapBuilder();
  const cdata: [number, number][] = [];
  let j = from;
  const raw = (a: number, z: number) => {
    for (let k = a; k < z; ) {
      if (source[k] === '\r') {
        const len = source[k + 1] === '\n' ? 2 : 1;
        b.decoded('\n', k, k + len);
        k += len;
      } else {
        const next = source.indexOf('\r', k);
        const stop = next < 0 || next > z ? z : next;
        b.copy(source, k, stop);
        k = stop;
      }
    }
  };
  /** An inline element's tag at j (TAG matched it): what it stands for; returns where reading goes on. */
  const inlineTag = (m: RegExpExecArray): number => {
    const [whole, closing, qname, attrs, selfClosing] = m;
    const name = qname.replace(/^[\w.-]+:/, '');
    const tagEnd = j + whole.length;
    if (!closing && name === 'cp') {
      const hex = /hex\s*=\s*["']([0-9a-fA-F]+)["']/.exec(attrs);
      if (hex) b.decoded(String.fromCodePoint(parseInt(hex[1], 16)), j, tagEnd);
    } else if (!closing && !selfClosing && CODE_CONTENT.has(name)) {
      // Native code: skip to the element's end (these do not nest in themselves).
      const close = source.indexOf(`</${qname}`, tagEnd);
      if (name === 'ph' || name === 'it') b.synthetic(PLACEHOLDER, j);
      return close < 0 || close > to ? to : source.indexOf('>', close) + 1;
    } else if (!closing && selfClosing && PLACEHOLDERS.has(name)) {
      b.synthetic(PLACEHOLDER, j);
    }
    return tagEnd;
  };
  while (j < to) {
    if (source.startsWith('<![CDATA[', j)) {
      const close = source.indexOf(']]>', j + 9);
      const end = close < 0 || close > to ? to : close;
      cdata.push([j + 9, end]);
      raw(j + 9, end);
      j = end + 3;
    } else if (source.startsWith('<!--', j)) {
      const close = source.indexOf('-->', j + 4);
      j = close < 0 ? to : close + 3;
    } else if (source.startsWith('<?', j)) {
      const close = source.indexOf('?>', j + 2);
      j = close < 0 ? to : close + 2;
    } else if (source[j] === '<') {
      TAG.lastIndex = j;
      const m = elements === 'inline' ? TAG.exec(source) : null;
      if (m) {
        j = inlineTag(m);
      } else if (elements === 'plain') {
        const close = source.indexOf('>', j);
        j = close < 0 ? to : close + 1;
      } else {
        // Not a tag: a '<' as text.
        b.copy(source, j, j + 1);
        j++;
      }
    } else if (source[j] === '&') {
      ENTITY.lastIndex = j;
      const m = ENTITY.exec(source);
      if (m) {
        const ch = m[3] ? NAMED[m[3]] : String.fromCodePoint(m[1] ? parseInt(m[1], 16) : parseInt(m[2], 10));
        b.decoded(ch, j, j + m[0].length);
        j += m[0].length;
      } else {
        b.copy(source, j, j + 1);
        j++;
      }
    } else {
      let stop = j + 1;
      while (stop < to && source[stop] !== '<' && source[stop] !== '&') stop++;
      raw(j, stop);
      j = stop;
    }
  }
  const built = b.build(from);
  const inCdata = (p: number) => cdata.some(([a, z]) => p >= a && p < z);
  built.encode = (text, at) => {
    const p = built.text.length === 0 ? from : built.start[Math.min(at, built.text.length - 1)];
    return inCdata(p) ? text.replace(/]]>/g, ']]]]><![CDATA[>') : encodeHtml(text);
  };
  return built;
}
