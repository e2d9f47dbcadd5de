// TMX (Translation Memory eXchange): each <tu> is one unit — the variant (<tuv>) in the header's
// source language (srclang) is the source, an English variant (else the other one) the target,
// checked and fixed in place. The whole file is one article. Parsed with saxes, which never
// fetches anything; a DOCTYPE that declares entities is refused.
//
//   <tu tuid="7"><tuv xml:lang="ru"><seg>1,5 млн</seg></tuv><tuv xml:lang="en"><seg>15 million</seg></tuv></tu>
//                                                                                ^^^^^^^^^^ source/changed-number

import { UsageError } from '../../engine/errors.js';
import { unitsArticle, type Unit } from './bilingual.js';
import { parseXml, xmlParser, xmlText } from './xml.js';
import type { ParsedSource } from './types.js';

/** True when a file's beginning looks like TMX. */
export function sniffTmx(head: string): boolean {
  return /^\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?<tmx[\s>]/.test(head);
}

interface Variant {
  lang: string;
  from: number;
  to: number;
}

export function parseTmx(source: string, path: string): ParsedSource {
  const parser = xmlParser(path, 'the file', false);
  let srcLang: string | undefined;
  let root: string | undefined;
  const units: Unit[] = [];
  let tu: { id: string; variants: Variant[]; at: number } | undefined;
  let tuvLang: string | undefined;
  let seg: { from: number; depth: number } | undefined;
  let depth = 0;

  parser.on('opentag', (tag) => {
    depth++;
    const attrs = tag.attributes as Record<string, string>;
    if (root === undefined) {
      root = tag.name;
      if (tag.name !== 'tmx') throw new UsageError(`${path}: not a TMX file (the root element is <${tag.name}>)`);
      return;
    }
    if (seg) return;
    if (tag.name === 'header') srcLang = attrs.srclang && attrs.srclang !== '*all*' ? attrs.srclang : undefined;
    else if (tag.name === 'tu') tu = { id: attrs.tuid ?? `${units.length + 1}`, variants: [], at: parser.position };
    else if (tu && tag.name === 'tuv') tuvLang = attrs['xml:lang'] ?? attrs.lang ?? '';
    else if (tu && tag.name === 'seg' && !tag.isSelfClosing) seg = { from: parser.position, depth };
  });
  parser.on('closetag', (tag) => {
    if (seg && depth === seg.depth) {
      tu!.variants.push({ lang: tuvLang ?? '', from: seg.from, to: source.lastIndexOf('</', parser.position - 1) });
      seg = undefined;
    } else if (tu && tag.name === 'tu' && !seg) {
      const lower = (l: string) => l.toLowerCase();
      const src = tu.variants.find((v) => srcLang && lower(v.lang) === lower(srcLang)) ?? tu.variants.find((v) => !/^en\b/i.test(v.lang)) ?? tu.variants[0];
      const tgt = tu.variants.find((v) => v !== src && /^en\b/i.test(v.lang)) ?? tu.variants.find((v) => v !== src);
      if (src) {
        units.push({ id: tu.id, source: xmlText(source, src.from, src.to, 'inline').text, target: tgt ? xmlText(source, tgt.from, tgt.to, 'inline') : null, at: tgt?.from ?? src.to });
        srcLang ??= src.lang || undefined;
      }
      tu = undefined;
    }
    depth--;
  });
  parseXml(parser, source, path);
  if (root === undefined) throw new UsageError(`${path}: not a TMX file (no root element)`);
  return { articles: [unitsArticle(units, srcLang, undefined, 0)], directives: [] };
}
