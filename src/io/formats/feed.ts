// RSS 2.0, RSS 1.0 and Atom feeds: each item (entry) is one article — its title, then its
// content (`content:encoded` or Atom `content`, else `description` / `summary`), the HTML inside
// decoded and parsed — reported under the item's guid/id or link. Parsed with saxes, a strict
// XML parser that never fetches or expands external entities; a DOCTYPE that declares entities
// (the shape of an entity-expansion bomb) is refused outright.
//
//   <item><title>Talks</title><description>&lt;p&gt;the Moscow holder&lt;/p&gt;</description>
//                                                   ^^^^^^^^^^^^^^^^^ checked: "Talks\n\nthe Moscow holder"

import { createRequire } from 'node:module';
import { UsageError } from '../../engine/errors.js';
import { compose, concatMaps, encodeHtml, MapBuilder, sliceMap, type Block, type SourceMap } from '../mapping.js';
import { htmlText } from './html.js';
import type { Article, ParsedSource } from './types.js';

interface Field {
  name: string;
  attrs: Record<string, string>;
  /** Source range of the element's content (between its tags). */
  from: number;
  to: number;
}

interface Item {
  fields: Field[];
}

/** The root element of an RSS or Atom feed, if `head` (the file's beginning) looks like one. */
export function sniffFeed(head: string): boolean {
  const body = head.replace(/^\ufeff?\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)*/i, '');
  return /^<(?:rss|feed|rdf:RDF|atom:feed)[\s>/]/.test(body);
}

export function parseFeed(source: string, path: string): ParsedSource {
  const { SaxesParser } = createRequire(import.meta.url)('saxes') as typeof import('saxes');
  const parser = new SaxesParser({ position: true, fileName: path });
  let root: string | undefined;
  const stack: string[] = [];
  const items: Item[] = [];
  let item: { item: Item; depth: number } | undefined;
  const openFields: { field: Field; depth: number }[] = [];
  let channelTitle: Field | undefined;

  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      throw new UsageError(`${path}: the feed's DOCTYPE declares entities; refused (mtlint never expands DTD entities)`);
    }
  });
  parser.on('opentag', (tag) => {
    const name = tag.name;
    if (root === undefined) {
      root = name;
      if (!/^(?:rss|rdf:RDF|(?:\w+:)?feed)$/.test(name)) throw new UsageError(`${path}: not an RSS or Atom feed (the root element is <${name}>)`);
    }
    stack.push(name);
    const local = name.replace(/^[\w.-]+:(?!encoded$)/, '');
    if (!item && (local === 'item' || local === 'entry')) {
      item = { item: { fields: [] }, depth: stack.length };
      items.push(item.item);
    } else if (!item && !channelTitle && local === 'title' && /^(?:channel|(?:\w+:)?feed)$/.test(stack[stack.length - 2] ?? '')) {
      // The channel's (feed's) own title, for readers that name sources by it (the audit).
      channelTitle = { name: 'title', attrs: tag.attributes as Record<string, string>, from: parser.position, to: parser.position };
      if (!tag.isSelfClosing) openFields.push({ field: channelTitle, depth: stack.length });
    } else if (item && stack.length === item.depth + 1) {
      const field: Field = { name: name === 'content:encoded' ? name : local, attrs: tag.attributes as Record<string, string>, from: parser.position, to: parser.position };
      item.item.fields.push(field);
      if (!tag.isSelfClosing) openFields.push({ field, depth: stack.length });
    }
  });
  parser.on('closetag', (tag) => {
    const open = openFields[openFields.length - 1];
    if (open && open.depth === stack.length) {
      open.field.to = source.lastIndexOf('</', parser.position - 1);
      openFields.pop();
    }
    if (item && item.depth === stack.length) item = undefined;
    stack.pop();
    void tag;
  });
  try {
    parser.write(source).close();
  } catch (e) {
    if (e instanceof UsageError) throw e;
    // saxes says `FILE:LINE:COL: message`.
    const msg = (e as Error).message.split('\n')[0];
    const m = /^(.*:\d+:\d+): (.*)$/.exec(msg);
    throw new UsageError(m ? `${m[1]}: not well-formed XML: ${m[2]}` : `${path}: not well-formed XML: ${msg}`);
  }
  if (root === undefined) throw new UsageError(`${path}: not an RSS or Atom feed (no root element)`);
  const title = channelTitle ? xmlContent(source, channelTitle.from, channelTitle.to).map.text.trim() : '';
  return { articles: items.map((it, k) => article(source, it, k)), directives: [], ...(title ? { title } : {}) };
}

function article(source: string, it: Item, index: number): Article {
  const field = (...names: string[]) => {
    for (const n of names) {
      const f = it.fields.find((x) => x.name === n && x.to > x.from && !x.attrs.src);
      if (f) return f;
    }
    return undefined;
  };
  const text = (f: Field | undefined) => (f ? xmlContent(source, f.from, f.to).map.text.trim() : '');
  const alternate = it.fields.find((f) => f.name === 'link' && f.attrs.href && (!f.attrs.rel || f.attrs.rel === 'alternate'));
  const id = text(field('guid', 'id')) || (alternate?.attrs.href ?? '') || text(field('link')) || text(field('title')) || `item ${index + 1}`;

  const parts: SourceMap[] = [];
  const blocks: Block[] = [];
  let offset = 0;
  const add = (f: Field | undefined, defaultType: 'text' | 'html') => {
    if (!f) return;
    const type = (f.attrs.type ?? defaultType).toLowerCase();
    let part: SourceMap;
    let partBlocks: Block[] = [];
    if (type === 'xhtml') {
      const h = htmlText(source.slice(f.from, f.to), true);
      const outer = sliceMap(source, f.from, f.to, encodeHtml);
      part = compose(h.map, outer);
      partBlocks = h.blocks.map((b) => toSource(b, outer));
    } else {
      const xml = xmlContent(source, f.from, f.to);
      if (type === 'html' || type === 'text/html') {
        const h = htmlText(xml.map.text, true);
        part = compose(h.map, xml.map);
        partBlocks = h.blocks.map((b) => toSource(b, xml.map));
      } else {
        part = xml.map;
      }
    }
    if (parts.length > 0) offset += 2;
    for (const b of partBlocks) blocks.push({ ...b, cs: b.cs + offset, ce: b.ce + offset });
    offset += part.text.length;
    parts.push(part);
  };
  add(field('title'), 'text');
  const rssContent = field('content:encoded', 'description');
  const atomContent = field('content', 'summary');
  add(rssContent ?? atomContent, rssContent ? 'html' : 'text');
  const meta = { title: text(field('title')), link: (alternate?.attrs.href ?? '') || text(field('link')), date: text(field('pubDate', 'date', 'published', 'updated')) };
  return { id, map: concatMaps(parts, field('title')?.from ?? 0), blocks, meta };
}

/** A block found in an intermediate string, with its source range. */
function toSource(b: Block, outer: SourceMap): Block {
  return { cs: b.cs, ce: b.ce, ss: outer.start[b.ss] ?? outer.origin, se: outer.end[b.se - 1] ?? outer.origin, pure: b.pure };
}

const XML_ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/y;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The decoded content of source[from, to) (text, character references, CDATA sections; comments
 * and processing instructions dropped; CRLF read as LF), mapped back unit by unit. Replacement
 * text is escaped as character data, or kept raw inside a CDATA section.
 */
export function xmlContent(source: string, from: number, to: number): { map: SourceMap } {
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
      // An element inside a text field (not expected there): its tags are dropped, its text kept.
      const close = source.indexOf('>', j);
      j = close < 0 ? to : close + 1;
    } else if (source[j] === '&') {
      XML_ENTITY.lastIndex = j;
      const m = XML_ENTITY.exec(source);
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
  return { map: built };
}
