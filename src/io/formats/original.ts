// The original of a translation given as a file of its own (mtlint --source original.md
// article.md): its prose as the checks read it — a text file whole, a Markdown or HTML file
// without its markup — to be aligned with the translation paragraph by paragraph.

import { UsageError } from '../../engine/errors.js';
import { readSource } from '../source.js';
import { detectFormat, parseSource } from './index.js';

/** The prose of the original at `path` (format by its extension, or `format`). */
export function readOriginal(path: string, format?: string): string {
  const file = readSource(path);
  const f = format && format !== 'auto' ? format : detectFormat(path, file.text);
  if (f === 'text') return file.text;
  if (f !== 'markdown' && f !== 'html') throw new UsageError(`${path}: an original (--source) must be a text, Markdown or HTML file, not ${f}`);
  const parsed = parseSource(f, file.text, path);
  return parsed.articles.map((a) => a.map?.text ?? file.text).join('\n\n');
}
