// An article's verdict: its MT-artifact score — findings weighted by severity and confidence per
// 1,000 words (spinner findings count like any other, so spun copy's density of tortured phrases
// raises it) — the counts by kind (a rule's pack: calques, names, quotes, residue, spinner …),
// and its band from the thresholds: below `review` it is clean, from `hold` on it is held.
//
//   1,000 × (1.0 × 0.9 [error] + 0.6 × 0.8 [warning]) / max(420 words, 250) = 3.3  →  review

import type { LintFinding } from '../index.js';
import type { Severity } from '../types.js';

export type Band = 'clean' | 'review' | 'hold';
export const BANDS: readonly Band[] = ['clean', 'review', 'hold'];

export interface Thresholds {
  /** Score from which an article is in `review`. */
  review: number;
  /** Score from which an article is in `hold`. */
  hold: number;
}

/**
 * Defaults chosen on the development data (docs/quality.md, "Feed audit"): with them 99 % of the
 * BBC year is clean, and the seed article (16 artifacts in 620 words) is held.
 */
export const DEFAULT_THRESHOLDS: Thresholds = { review: 2.5, hold: 8 };

export const SEVERITY_WEIGHT: Record<Severity, number> = { error: 1, warning: 0.6, info: 0.25 };

/** Shorter articles are scored as if this long: one slip in a 60-word brief is not a rate of 17 per 1,000. */
export const MIN_SCORED_WORDS = 250;

/** The packs an article's findings are counted under (and `other` for rules from elsewhere), in a stable order. */
export const KINDS = ['calques', 'names', 'quotes', 'repetition', 'residue', 'script', 'spinner', 'styles', 'other'] as const;
export type Kind = (typeof KINDS)[number];

export function kindOf(ruleId: string): Kind {
  const pack = ruleId.slice(0, ruleId.indexOf('/'));
  return (KINDS as readonly string[]).includes(pack) ? (pack as Kind) : 'other';
}

export interface ArticleScore {
  words: number;
  score: number;
  band: Band;
  /** Findings per kind (every kind present, zero or more). */
  kinds: Record<Kind, number>;
  findings: number;
}

/** Words as the audit counts them: runs of letters or digits (with inner apostrophes and hyphens). */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && !isSpaceOrPunct(c));
    if (word && !inWord) n++;
    inWord = word || (inWord && (c === 39 || c === 45 || c === 0x2019) && i + 1 < text.length && /[\p{L}\p{N}]/u.test(text[i + 1]));
  }
  return n;
}

function isSpaceOrPunct(c: number): boolean {
  return (c >= 0x2000 && c <= 0x206f) || c === 0xa0 || c === 0x3000 || (c >= 0x3001 && c <= 0x303f) || c === 0xfeff || c === 0xab || c === 0xbb;
}

export function bandOf(score: number, t: Thresholds): Band {
  return score >= t.hold ? 'hold' : score >= t.review ? 'review' : 'clean';
}

export function scoreArticle(text: string, findings: readonly LintFinding[], t: Thresholds): ArticleScore {
  const words = countWords(text);
  const kinds = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  let weighted = 0;
  for (const f of findings) {
    weighted += SEVERITY_WEIGHT[f.severity] * f.confidence;
    kinds[kindOf(f.ruleId)]++;
  }
  const score = Math.round(((1000 * weighted) / Math.max(words, MIN_SCORED_WORDS)) * 100) / 100;
  return { words, score, band: bandOf(score, t), kinds, findings: findings.length };
}
