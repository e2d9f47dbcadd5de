// What an input adapter produces from a source file: one or more articles, each the text the
// rules check with its map back to the source, and the inline suppression directives.

import type { Directive } from '../../engine/suppress.js';
import type { Bilingual } from '../../source/context.js';
import type { Block, SourceMap } from '../mapping.js';

export type InputFormat = 'text' | 'markdown' | 'html' | 'feed' | 'ndjson' | 'xliff' | 'tmx' | 'tsv';
export const INPUT_FORMATS: readonly InputFormat[] = ['text', 'markdown', 'html', 'feed', 'ndjson', 'xliff', 'tmx', 'tsv'];

export interface Article {
  /** The feed item's id or link, or the NDJSON record's id; absent for a whole-file article. */
  id?: string;
  /** The NDJSON record's 1-based line. */
  line?: number;
  /** The checked text and its map into the source; null for plain text (the source itself). */
  map: SourceMap | null;
  /** Blocks a whole-block deletion may remove. */
  blocks: Block[];
  /** For feed items: the item's title, link and date (pubDate, dc:date, published or updated) as written. */
  meta?: { title?: string; link?: string; date?: string };
  /** The original the text was translated from (bilingual files, NDJSON with a `source`), for the source-aware rules. */
  bilingual?: Bilingual;
}

export interface ParsedSource {
  articles: Article[];
  /** For feeds: the channel's (feed's) title. */
  title?: string;
  directives: Directive[];
}

/**
 * A part of a source that could not be read while the rest could (an NDJSON line that is not a
 * record): reported with its 1-based line, and the other parts checked.
 */
export interface InputError {
  line: number;
  /** What is wrong, without the path and line. */
  message: string;
}
