// LSP positions from mtlint's offsets and back. Both count UTF-16 code units; LSP lines are
// 0-based and end at \n, \r\n or a lone \r, as src/text/lines.ts has them, so a position is the
// 1-based line/column mtlint prints, less one each.
//
//   "Lavrov 🙂 said the Moscow holder"      offset 17 = line 0, character 17 (🙂 is two units)

import type { Position, Range } from 'vscode-languageserver';
import { computeLineStarts, lineRangeAt, positionAt } from '../text/lines.js';

export class LineIndex {
  readonly #starts: number[];

  constructor(readonly text: string) {
    this.#starts = computeLineStarts(text);
  }

  position(offset: number): Position {
    const p = positionAt(this.#starts, offset);
    return { line: p.line - 1, character: p.column - 1 };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** The offset of a position; a character past the end of its line means the line's end, a line past the last the text's end (as LSP says). */
  offset(p: Position): number {
    if (p.line >= this.#starts.length) return this.text.length;
    const start = this.#starts[Math.max(0, p.line)];
    return Math.min(start + Math.max(0, p.character), this.lineEnd(p.line));
  }

  /** The offset where line `line` (0-based) ends, before its line break. */
  lineEnd(line: number): number {
    return lineRangeAt(this.text, this.#starts, this.#starts[line])[1];
  }

  /** The 0-based line of an offset. */
  lineOf(offset: number): number {
    return positionAt(this.#starts, offset).line - 1;
  }
}
