// What the bilingual formats (XLIFF, TMX, TSV) share (a segment's inline markup is read by
// xmlText in xml.ts): an article made of units — the targets joined by
// blank lines, each with its source — for the source-aware checks (src/source/context.ts).
//
//   <target>Lavor <g id="1">said</g><x id="2"/> on Monday</target>
//           ^^^^^ ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ checked: "Lavor said\uFFFC on Monday"

import type { Bilingual, Segment } from '../../source/context.js';
import { concatMaps, type SourceMap } from '../mapping.js';
import type { Article } from './types.js';

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
