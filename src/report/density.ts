// Spinner density: how many tortured phrases (findings of the spinner pack) a file has per
// 1,000 words. One synonym swap is a slip; several per 1,000 words fingerprint spun copy, so the
// json format reports the score per file and the stylish summary names files that have any.

import { tokenize } from '../text/tokens.js';
import type { FileResult } from './result.js';

export interface SpinnerDensity {
  /** Spinner findings in the file. */
  matches: number;
  /** Words in the file (the same tokens the rules count). */
  words: number;
  /** Matches per 1,000 words, one decimal. */
  per1000: number;
}

/** The file's spinner density, or undefined when no spinner rule fired. */
export function spinnerDensity(result: FileResult): SpinnerDensity | undefined {
  const matches = result.findings.filter((f) => f.ruleId.startsWith('spinner/')).length;
  if (matches === 0) return undefined;
  const words = tokenize(result.text).length;
  return { matches, words, per1000: Math.round((matches / Math.max(words, 1)) * 10000) / 10 };
}
