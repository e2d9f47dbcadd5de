// RSS 2.0, RSS 1.0 and Atom feeds: each item (entry) is one article — its title, then its
// content (`content:encoded` or Atom `content`, else `description` / `summary`), the HTML inside
// decoded and parsed — reported under the item's guid/id or link. Parsed with saxes, a strict
// XML parser that never fetches or expands external entities; a DOCTYPE that declares entities
// (the shape of an entity-expansion bomb) is refused outright.
//
//   <item><title>Talks</title><description>&lt;p&gt;the Moscow holder&lt;/p&gt;</description>
//                                                   ^^^^^^^^^^^^^^^^^ checked: "Talks\n\nthe Moscow holder"

import { UsageError } from '../../engine/errors.js';
import { compose, concatMaps, encodeHtml, sliceMap, type Block, type SourceMap } from '../mapping.js';
import { htmlText } from './html.js';
import { parseXml, xmlParser, xmlText } from './xml.js';
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
  const parser = xmlParser(path, 'the feed');
  let root: string | undefined;
  const stack: string[] = [];
  const items: Item[] = [];
  let item: { item: Item; depth: number } | undefined;
  const openFields: { field: Field; depth: number }[] = [];
  let channelTitle: Field | undefined;

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
  parseXml(parser, source, path);
  if (root === undefined) throw new UsageError(`${path}: not an RSS or Atom feed (no root element)`);
  const title = channelTitle ? xmlText(source, channelTitle.from, channelTitle.to, 'plain').text.trim() : '';
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
  const text = (f: Field | undefined) => (f ? xmlText(source, f.from, f.to, 'plain').text.trim() : '');
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
      const xml = xmlText(source, f.from, f.to, 'plain');
      if (type === 'html' || type === 'text/html') {
        const h = htmlText(xml.text, true);
        part = compose(h.map, xml);
        partBlocks = h.blocks.map((b) => toSource(b, xml));
      } else {
        part = xml;
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

