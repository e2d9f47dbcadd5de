// Line starts and offset → line/column conversion (used only when printing findings).

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units like every offset in mtlint. */
  column: number;
}

/** Offsets at which each line begins; a line ends at \n, \r\n or a lone \r. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function positionAt(lineStarts: number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
}

/** The line containing `offset`, without its line break, as [start, end). */
export function lineRangeAt(text: string, lineStarts: number[], offset: number): [number, number] {
  const { line } = positionAt(lineStarts, offset);
  const start = lineStarts[line - 1];
  let end = line < lineStarts.length ? lineStarts[line] : text.length;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return [start, end];
}

/** White space as /\s/ has it at text[i], with ASCII decided without the regular expression. */
export function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(text[i]);
}
