// Input formats: which one a file is (by extension, or by a look at its beginning), and the
// adapter that reads it into articles.

import { extname } from 'node:path';
import { UsageError } from '../../engine/errors.js';
import * as Feed from './feed.js';
import * as Html from './html.js';
import * as Markdown from './markdown.js';
import * as Ndjson from './ndjson.js';
import * as Tmx from './tmx.js';
import * as Tsv from './tsv.js';
import * as Xliff from './xliff.js';
import type { InputError, InputFormat, ParsedSource } from './types.js';

// The adapters are small; each requires its parser (parse5, saxes, micromark — ≈ 200 ms to
// import together) on first use, which a run over plain text never needs. NDJSON needs none.

/** True when a file's beginning looks like an RSS or Atom feed. */
export function sniffFeed(head: string): boolean {
  return Feed.sniffFeed(head);
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
  '.xlf': 'xliff',
  '.xliff': 'xliff',
  '.sdlxliff': 'xliff',
  '.mqxliff': 'xliff',
  '.tmx': 'tmx',
  '.tsv': 'tsv',
};

/** The format of a file: by its extension, else a feed if it starts like one, else plain text. */
export function detectFormat(path: string | undefined, text?: string): InputFormat {
  const byExt = path ? EXTENSIONS[extname(path).toLowerCase()] : undefined;
  // An .xml file may be XLIFF or TMX rather than a feed.
  if (byExt === 'feed' && text !== undefined && extname(path!).toLowerCase() === '.xml') {
    const head = text.slice(0, 4096);
    if (Xliff.sniffXliff(head)) return 'xliff';
    if (Tmx.sniffTmx(head)) return 'tmx';
  }
  if (byExt) return byExt;
  if (text !== undefined && sniffFeed(text.slice(0, 4096))) return 'feed';
  return 'text';
}

/**
 * Articles and directives of a source in the given format (plain text: one identity article).
 * Parts that cannot be read (NDJSON lines) throw, or go to `onError` when it is given.
 */
export function parseSource(format: InputFormat, source: string, path: string, onError?: (e: InputError) => void, options: ParseOptions = {}): ParsedSource {
  try {
    return parseAs(format, source, path, onError, options);
  } catch (e) {
    // Markup nested thousands deep overflows the stack of the recursive tree walks (ours and the
    // Markdown libraries'): refuse the file clearly rather than crash.
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw new UsageError(`${path}: nested too deeply to read (${format}); not checked`);
    throw e;
  }
}

/** How to read a source beyond its format. */
export interface ParseOptions {
  /** HTML: check only the page's main content (the article, found by Readability). */
  htmlMain?: boolean;
  /** TSV: the source and target columns to read (--source-column, --target-column). */
  columns?: Tsv.TsvColumns;
}

function parseAs(format: InputFormat, source: string, path: string, onError: ((e: InputError) => void) | undefined, options: ParseOptions): ParsedSource {
  switch (format) {
    case 'text':
      return { articles: [{ map: null, blocks: [] }], directives: [] };
    case 'markdown':
      return Markdown.parseMarkdown(source);
    case 'html':
      return Html.parseHtml(source, { main: options.htmlMain });
    case 'feed':
      return Feed.parseFeed(source, path);
    case 'ndjson':
      return Ndjson.parseNdjson(source, path, onError);
    case 'xliff':
      return Xliff.parseXliff(source, path);
    case 'tmx':
      return Tmx.parseTmx(source, path);
    case 'tsv':
      return Tsv.parseTsv(source, path, options.columns);
    default:
      throw new UsageError(`unknown input format ${String(format)}`);
  }
}

export { INPUT_FORMATS, type Article, type InputError, type InputFormat, type ParsedSource } from './types.js';
