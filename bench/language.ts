// What the language test costs (text/language.ts: which lines are not English, so that rules that
// assume English skip them): every default rule over the same news prose, in one process, with the
// test and without it (the rules' `english` flag cleared, so it is never asked), alternating.

import { performance } from 'node:perf_hooks';
import { isEnglishWord } from '../src/engine/english.js';
import { lintText } from '../src/engine/lint.js';
import { loadRules } from '../src/engine/load.js';
import { TextDocument } from '../src/text/document.js';
import { foreignLines } from '../src/text/language.js';

export interface LanguageCost {
  mb: number;
  articles: number;
  /** Median ms per MB linting with every default rule, with and without the language test. */
  withTest: number;
  without: number;
  /** Median ms per MB of the test alone (tokens included, as the first rule to ask pays for them). */
  alone: number;
  /** Lines it took for another language. */
  foreign: number;
}

export function languageCost(articles: string[], reps: number): LanguageCost {
  const rules = loadRules({ verify: false });
  const blind = rules.map((r) => ({ ...r, english: false }));
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a), 0);
  const mb = bytes / 1e6;
  const time = (f: () => void) => {
    const t = performance.now();
    f();
    return (performance.now() - t) / mb;
  };
  const lintAll = (set: typeof rules) => () => {
    for (const a of articles) lintText(a, set);
  };
  let foreign = 0;
  const aloneRun = () => {
    foreign = 0;
    for (const a of articles) foreign += foreignLines(new TextDocument(a), isEnglishWord).length;
  };
  // A first round of each warms the rules, the word list and franc.
  lintAll(rules)();
  lintAll(blind)();
  aloneRun();
  const w: number[] = [];
  const wo: number[] = [];
  const al: number[] = [];
  for (let i = 0; i < reps; i++) {
    w.push(time(lintAll(rules)));
    wo.push(time(lintAll(blind)));
    al.push(time(aloneRun));
  }
  return { mb, articles: articles.length, withTest: median(w), without: median(wo), alone: median(al), foreign };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
