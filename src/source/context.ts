// The original beside a translation: what a bilingual input (XLIFF, TMX, TSV, NDJSON with a
// `source`, or two aligned files) tells about the text the rules check, and how it reaches the
// source-aware kind — attached to each document before the kinds run, read back by the kind.
//
//   XLIFF unit  <source>Лавров заявил …</source><target>Lavor said …</target>
//   checked     "Lavor said …\n\n…"    segment {source: "Лавров заявил …", start: 0, end: 12}

import type { Attach } from '../engine/lint.js';
import { DocumentCache, type TextDocument } from '../text/document.js';

/** One unit of a bilingual file: its source text and where its target is in the checked text. */
export interface Segment {
  /** The source text (decoded, inline markup removed). */
  source: string;
  /** The target's range in the article's checked text; start === end when the unit has no target. */
  start: number;
  end: number;
  /** The unit's id (XLIFF unit, TMX tuid, TSV line), for messages. */
  id?: string;
}

/** What an input knows of an article's original. */
export interface Bilingual {
  /** The source language the input declares (a BCP 47 tag), if any. */
  sourceLang?: string;
  /** Units given by the input (XLIFF, TMX, TSV), in checked-text offsets, in order. */
  segments?: Segment[];
  /** A whole original to align with the checked text paragraph by paragraph (two files, NDJSON `source`). */
  original?: string;
}

const INPUT = new DocumentCache<Bilingual>();

/** The hook `lintText` calls for each document of an article with this original. */
export function attachBilingual(b: Bilingual): Attach {
  return (doc: TextDocument, offset: number) => {
    const input: Bilingual = { sourceLang: b.sourceLang, original: b.original };
    if (b.segments) {
      // A piece of a very long text gets the units that start in it, clipped to it (an empty
      // unit right at a cut goes to both pieces).
      const end = offset + doc.text.length;
      input.segments = b.segments
        .filter((s) => (s.start >= offset && s.start < end) || (s.start === end && s.end === end))
        .map((s) => ({ ...s, start: s.start - offset, end: Math.min(s.end, end) - offset }));
    }
    INPUT.set(doc, input);
  };
}

/** The original attached to `doc` (its units shifted into the document's offsets), if the text came with one. */
export function sourceInput(doc: TextDocument): Bilingual | undefined {
  return INPUT.get(doc);
}
