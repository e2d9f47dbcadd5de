// XLIFF 1.2 and 2.0, the translation industry's exchange format: each <file> is one article,
// each 1.2 <trans-unit> or 2.0 <segment> one unit — its <target> checked (fixes are written back
// into it, inline markup kept), its <source> beside it for the source-aware rules. The source
// language is the file's (1.2 source-language, 2.0 srcLang). Parsed with saxes, which never
// fetches anything; a DOCTYPE that declares entities is refused.
//
//   <trans-unit id="2"><source>Лавров заявил</source><target>Lavor said</target></trans-unit>
//                                                            ^^^^^ source/misspelled-name

import { UsageError } from '../../engine/errors.js';
import { unitsArticle, type Unit } from './bilingual.js';
import { parseXml, xmlParser, xmlText } from './xml.js';
import type { Article, ParsedSource } from './types.js';

interface Range {
  from: number;
  to: number;
}

interface OpenUnit {
  id: string;
  source?: Range;
  target?: Range;
  /** Where the unit starts (a missing target is reported there). */
  at: number;
}

interface OpenFile {
  id: string | undefined;
  sourceLang: string | undefined;
  units: Unit[];
  at: number;
}

/** True when a file's beginning looks like XLIFF. */
export function sniffXliff(head: string): boolean {
  return /^\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:\w+:)?xliff[\s>]/.test(head);
}

export function parseXliff(source: string, path: string): ParsedSource {
  const parser = xmlParser(path, 'the file', false);
  let version: '1' | '2' | undefined;
  let docSourceLang: string | undefined;
  const files: OpenFile[] = [];
  let file: OpenFile | undefined;
  let unit: OpenUnit | undefined;
  let unitName = '';
  let segments = 0;
  /** The element whose content is being recorded (source or target of the current unit) and its depth. */
  let field: { name: 'source' | 'target'; depth: number; from: number } | undefined;
  let depth = 0;

  parser.on('opentag', (tag) => {
    depth++;
    const name = tag.name.replace(/^[\w.-]+:/, '');
    const attrs = tag.attributes as Record<string, string>;
    if (depth === 1) {
      if (name !== 'xliff') throw new UsageError(`${path}: not an XLIFF file (the root element is <${tag.name}>)`);
      version = String(attrs.version ?? '').startsWith('2') ? '2' : '1';
      docSourceLang = attrs.srcLang;
      return;
    }
    if (field) return;
    if (name === 'file') {
      file = { id: attrs.original ?? attrs.id, sourceLang: attrs['source-language'] ?? docSourceLang, units: [], at: parser.position };
      files.push(file);
    } else if (file && ((version === '1' && name === 'trans-unit') || (version === '2' && name === 'unit'))) {
      unit = { id: attrs.id ?? `${file.units.length + 1}`, at: parser.position };
      unitName = name;
      segments = 0;
    } else if (unit && version === '2' && name === 'segment') {
      // A 2.0 unit's segments are units of their own: "u1", "u1/s2".
      segments++;
      unit.source = unit.target = undefined;
      unit.at = parser.position;
      if (attrs.id) unit.id = unit.id.split('/')[0] + (segments > 1 ? `/${attrs.id}` : '');
    } else if (unit && (name === 'source' || name === 'target') && !tag.isSelfClosing) {
      field = { name, depth, from: parser.position };
    } else if (unit && name === 'target' && tag.isSelfClosing) {
      unit.target = { from: parser.position, to: parser.position };
    }
  });
  parser.on('closetag', (tag) => {
    const name = tag.name.replace(/^[\w.-]+:/, '');
    if (field && depth === field.depth) {
      // The content ends where this closing tag starts.
      const to = source.lastIndexOf('</', parser.position - 1);
      unit![field.name] = { from: field.from, to };
      field = undefined;
    } else if (unit && version === '2' && name === 'segment') {
      addUnit();
    } else if (unit && name === unitName && !field) {
      if (version === '1') addUnit();
      unit = undefined;
    }
    depth--;
  });
  const addUnit = () => {
    if (!unit || !file || !unit.source) return;
    file.units.push({
      id: unit.id,
      source: xmlText(source, unit.source.from, unit.source.to, 'inline').text,
      target: unit.target ? xmlText(source, unit.target.from, unit.target.to, 'inline') : null,
      at: unit.target?.from ?? unit.source.to,
    });
  };
  parseXml(parser, source, path);
  if (version === undefined) throw new UsageError(`${path}: not an XLIFF file (no root element)`);
  const articles: Article[] = files.map((f) => unitsArticle(f.units, f.sourceLang, files.length > 1 ? f.id : undefined, f.at));
  return { articles, directives: [] };
}
