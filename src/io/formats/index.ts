// Input formats: which one a file is (by extension, or by a look at its beginning), and the
// adapter that reads it into articles.

import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { UsageError } from '../../engine/errors.js';
import type * as Feed from './feed.js';
import type * as Html from './html.js';
import type * as Markdown from './markdown.js';
import type * as Ndjson from './ndjson.js';
import type { InputFormat, ParsedSource } from './types.js';

// Each adapter is loaded on first use (require of an ES module, Node ≥ 20.19): their parsers
// (parse5, saxes, micromark) cost ≈ 200 ms to import, which a run over plain text never needs.
const require = createRequire(import.meta.url);
const feed = () => require('./feed.js') as typeof Feed;
const html = () => require('./html.js') as typeof Html;
const markdown = () => require('./markdown.js') as typeof Markdown;
const ndjson = () => require('./ndjson.js') as typeof Ndjson;

/** True when a file's beginning looks like an RSS or Atom feed. */
export function sniffFeed(head: string): boolean {
  return feed().sniffFeed(head);
}

export const EXTENSIONS: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.rss': 'feed',
  '.atom': 'feed',
  '.xml': 'feed',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
};

/** The format of a file: by its extension, else a feed if it starts like one, else plain text. */
export function detectFormat(path: string | undefined, text?: string): InputFormat {
  const byExt = path ? EXTENSIONS[extname(path).toLowerCase()] : undefined;
  if (byExt) return byExt;
  if (text !== undefined && sniffFeed(text.slice(0, 4096))) return 'feed';
  return 'text';
}

/** Articles and directives of a source in the given format (plain text: one identity article). */
export function parseSource(format: InputFormat, source: string, path: string): ParsedSource {
  try {
    return parseAs(format, source, path);
  } catch (e) {
    // Markup nested thousands deep overflows the stack of the recursive tree walks (ours and the
    // Markdown libraries'): refuse the file clearly rather than crash.
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw new UsageError(`${path}: nested too deeply to read (${format}); not checked`);
    throw e;
  }
}

function parseAs(format: InputFormat, source: string, path: string): ParsedSource {
  switch (format) {
    case 'text':
      return { articles: [{ map: null, blocks: [] }], directives: [] };
    case 'markdown':
      return markdown().parseMarkdown(source);
    case 'html':
      return html().parseHtml(source);
    case 'feed':
      return feed().parseFeed(source, path);
    case 'ndjson':
      return ndjson().parseNdjson(source, path);
    default:
      throw new UsageError(`unknown input format ${String(format)}`);
  }
}

export { INPUT_FORMATS, type Article, type InputFormat, type ParsedSource } from './types.js';
