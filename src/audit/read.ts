// The audit's inputs as a stream of articles: feeds (each item, under the channel's title), NDJSON
// exports (each record, read a line at a time so that any size streams), and text, Markdown or
// HTML files (each one article, under its folder). Reading is done by the input adapters of
// src/io; this file only names each article's source, id, title and date.

import { createReadStream, statSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { UsageError } from '../engine/errors.js';
import { decodedLines } from '../io/decoded-lines.js';
import { detectFormat, EXTENSIONS, parseSource, type InputFormat } from '../io/formats/index.js';
import { readRecord } from '../io/formats/ndjson.js';
import { readSource, type SourceFile } from '../io/source.js';
import { resolveFormat } from '../index.js';

export interface AuditInput {
  source: string;
  id: string;
  title: string;
  /** ISO 8601 when the given date could be read, else as given, else ''. */
  date: string;
  /** The text checked: a feed item's title and body, an NDJSON record's `text`, a file's prose. */
  text: string;
}

export interface ReadOptions {
  inputFormat: InputFormat | 'auto';
  /** NDJSON: the field naming an article's source; a URL stands for its host (`url` → reuters.com). */
  sourceField?: string;
  /** NDJSON: the field with the article's date (default: the first of DATE_FIELDS present). */
  dateField?: string;
  /** The name shown for standard input. */
  stdinName: string;
  /** Reads standard input (or what is left of it after a peek) whole, for formats that are not streamed. */
  readStdin: (name: string, input: AsyncIterable<Buffer>) => Promise<SourceFile>;
  /** Told how far reading has come: bytes read of the inputs' known total (0 when unknown). */
  onBytes?: (read: number, total: number) => void;
}

export const DATE_FIELDS = ['date', 'published', 'pubDate', 'published_at', 'datePublished', 'timestamp'];

/** `https://www.reuters.com/world/…` → `reuters.com`; anything else unchanged. */
export function sourceName(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  const s = String(value).trim();
  if (/^https?:\/\//i.test(s)) {
    try {
      return new URL(s).hostname.replace(/^www\./, '');
    } catch {
      return s;
    }
  }
  return s;
}

/** A date as ISO 8601 (UTC) when Date can read it, else the text as given. */
export function normalizeDate(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'number') {
    // Seconds or milliseconds since 1970.
    const d = new Date(value < 1e11 ? value * 1000 : value);
    return Number.isNaN(d.getTime()) ? String(value) : d.toISOString();
  }
  const s = String(value).trim();
  const t = Date.parse(s);
  return Number.isNaN(t) ? s : new Date(t).toISOString();
}

/** The first line of a text, shortened: a title for articles that have none of their own. */
export function firstLine(text: string): string {
  // The first line of four words or more (scraped text may open with "Skip to content"), else the first.
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => l.split(/\s+/).length >= 4) ?? lines[0] ?? '';
  return line.length > 120 ? line.slice(0, 119) + '…' : line;
}

export async function* readArticles(paths: string[], o: ReadOptions): AsyncGenerator<AuditInput> {
  let total = 0;
  for (const p of paths) {
    if (p === '-') continue;
    try {
      total += statSync(p).size;
    } catch {
      /* reported when read */
    }
  }
  let done = 0;
  for (const path of paths) {
    const isStdin = path === '-';
    const display = isStdin ? o.stdinName : path;
    let declared = o.inputFormat !== 'auto' ? o.inputFormat : detectFormat(display);
    let stdin: AsyncIterable<Buffer> = process.stdin as AsyncIterable<Buffer>;
    if (isStdin && o.inputFormat === 'auto' && !EXTENSIONS[extname(display).toLowerCase()]) {
      // Standard input with nothing to name its format: an export piped in starts with `{`.
      const peeked = await peek(process.stdin as AsyncIterable<Buffer>);
      stdin = peeked.input;
      if (/^(?:\ufeff)?\s*\{/.test(peeked.head)) declared = 'ndjson';
    }
    if (declared === 'ndjson') {
      const input = isStdin ? stdin : createReadStream(path);
      let lineNo = 0;
      const base = done;
      let bytes = 0;
      try {
        for await (const { text, eol } of decodedLines(input as AsyncIterable<Buffer>, display)) {
          lineNo++;
          bytes += Buffer.byteLength(text) + eol.length;
          const rec = readRecord(text, display, lineNo);
          if (!rec) continue;
          const v = rec.value;
          const source = (o.sourceField ? sourceName(v[o.sourceField]) : '') || basename(display);
          const dateKey = o.dateField ?? DATE_FIELDS.find((k) => v[k] !== undefined);
          yield {
            source,
            id: rec.id,
            title: typeof v.title === 'string' && v.title.trim() ? v.title.trim() : firstLine(rec.text),
            date: dateKey ? normalizeDate(v[dateKey]) : '',
            text: rec.text,
          };
          if ((lineNo & 63) === 0) o.onBytes?.(base + bytes, total);
        }
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`${display}: no such file or directory`);
        throw e;
      }
      done = base + (isStdin ? bytes : sizeOf(path));
      o.onBytes?.(done, total);
      continue;
    }
    const file = isStdin ? await o.readStdin(display, stdin) : readSource(path);
    const format = resolveFormat(file.text, { format: o.inputFormat, filename: display });
    const parsed = parseSource(format, file.text, display);
    const folder = dirname(display) === '.' ? basename(display) : dirname(display);
    const source = parsed.title || (format === 'feed' ? basename(display) : folder);
    for (const a of parsed.articles) {
      const text = a.map ? a.map.text : file.text;
      yield {
        source,
        id: a.id ?? display,
        title: a.meta?.title || firstLine(text),
        date: normalizeDate(a.meta?.date),
        text,
      };
    }
    done += isStdin ? Buffer.byteLength(file.text) : sizeOf(path);
    o.onBytes?.(done, total);
  }
}

/** The first chunk of a stream (as text, for a look at its start) and the whole stream again. */
async function peek(input: AsyncIterable<Buffer>): Promise<{ head: string; input: AsyncIterable<Buffer> }> {
  const it = input[Symbol.asyncIterator]();
  const first = await it.next();
  const head = first.done ? '' : Buffer.from(first.value).subarray(0, 64).toString('utf8');
  async function* again(): AsyncGenerator<Buffer> {
    if (!first.done) yield first.value;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  return { head, input: again() };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
