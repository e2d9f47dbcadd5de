// The BBC year in the evaluation: 2,225 edited articles, each linted as one document. Edited news
// still has a few real defects (a doubled word, a misspelt name), so every finding is looked up
// in scripts/bbc-judged.tsv, where a person's verdict on it is kept: `defect` findings are not
// false alarms; everything else, judged or not, is. The section lists the defects and every safe
// fix the default rules make there, with its verdict.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintText } from '../src/engine/lint.js';
import type { Rule } from '../src/engine/load.js';
import type { Finding } from '../src/types.js';
import { countWords } from './tsv.js';

const FILE = 'clean-english-bbc/bbc-news-2004-2005.ndjson';
/** scripts/bbc-judged.tsv, beside the compiled script's source. */
const JUDGED = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'bbc-judged.tsv');

interface Verdict {
  verdict: 'defect' | 'false';
  note: string;
}

export interface BbcFinding extends Finding {
  article: string;
  context: string;
  /** The flagged span as the fix (or the first suggestion) would leave it; undefined for reports. */
  after?: string;
  verdict?: Verdict;
}

/** article \t rule \t flagged text \t defect|false \t note; `#` starts a comment line. */
function readJudged(): Map<string, Verdict> {
  const out = new Map<string, Verdict>();
  if (!existsSync(JUDGED)) return out;
  for (const line of readFileSync(JUDGED, 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [article, rule, text, verdict, note = ''] = line.split('\t');
    if (verdict !== 'defect' && verdict !== 'false') throw new Error(`${JUDGED}: bad verdict in: ${line}`);
    out.set(key(article, rule, text), { verdict, note });
  }
  return out;
}

const key = (article: string, rule: string, text: string) => `${article}\u0000${rule}\u0000${text}`;

/** The flagged text as one line, for the judged file and the report. */
export const flat = (s: string) => s.replace(/\s+/g, ' ');

export function evalBbc(data: string, rules: readonly Rule[], enabledIds: Set<string>) {
  const path = join(data, FILE);
  if (!existsSync(path)) return undefined;
  const judged = readJudged();
  const name = 'BBC News 2004–2005 (2,225 articles)';
  let words = 0;
  const all: BbcFinding[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { id: string; text: string };
    words += countWords(a.text);
    for (const f of lintText(a.text, rules)) {
      const context = a.text.slice(Math.max(0, f.start - 50), f.start) + '⟦' + f.text + '⟧' + a.text.slice(f.end, f.end + 50);
      const e = f.fix ?? f.suggestions[0];
      const after = e && a.text.slice(Math.min(f.start, e.start), e.start) + e.text + a.text.slice(e.end, Math.max(f.end, e.end));
      all.push({ ...f, article: a.id, context: flat(context), after, verdict: judged.get(key(a.id, f.ruleId, flat(f.text))) });
    }
  }
  const defects = all.filter((f) => f.verdict?.verdict === 'defect');
  const falseAlarms = all.filter((f) => f.verdict?.verdict !== 'defect');
  const dump = all.map((f) => `bbc\t${f.verdict?.verdict ?? '?'}\t${f.article}\t${f.ruleId}\t${JSON.stringify(f.context)}`);

  function section(enabled: Set<string>): string[] {
    const on = (f: Finding) => enabled.has(f.ruleId);
    const out: string[] = [];
    out.push(`## ${name}`);
    out.push('');
    out.push('Each article is one document, every default rule on. A finding is a false alarm unless a person');
    out.push('judged it a real defect of the article (`scripts/bbc-judged.tsv`, which also keeps the verdicts on');
    out.push('false alarms). Findings shown with the flagged words only (the articles are the BBC\'s).');
    out.push('');
    const d = defects.filter(on);
    out.push(`### Real defects found (${d.length})`);
    out.push('');
    out.push('| article | rule | flagged | action | why it is a defect |');
    out.push('|---|---|---|---|---|');
    for (const f of d) out.push(`| ${f.article} | ${f.ruleId} | \`${flat(f.text)}\` | ${action(f)} | ${f.verdict!.note} |`);
    out.push('');
    const fixes = all.filter((f) => on(f) && f.fix);
    out.push(`### Every safe fix (${fixes.length})`);
    out.push('');
    out.push('| article | rule | flagged | fix | verdict |');
    out.push('|---|---|---|---|---|');
    for (const f of fixes) {
      const v = f.verdict ? `${f.verdict.verdict === 'defect' ? 'right' : '**wrong**'}: ${f.verdict.note}` : '**unjudged**';
      out.push(`| ${f.article} | ${f.ruleId} | \`${flat(f.text)}\` | ${action(f)} | ${v} |`);
    }
    out.push('');
    const fa = falseAlarms.filter(on);
    const unjudged = fa.filter((f) => !f.verdict).length;
    out.push(`### False alarms (${fa.length}${unjudged ? `, ${unjudged} not yet read` : ''})`);
    out.push('');
    out.push('| article | rule | flagged | note |');
    out.push('|---|---|---|---|');
    for (const f of fa) out.push(`| ${f.article} | ${f.ruleId} | \`${flat(f.text)}\` | ${f.verdict?.note ?? 'not yet read'} |`);
    out.push('');
    return out;
  }

  return { name, words, falseAlarms, defects, defectsEnabled: defects.filter((f) => enabledIds.has(f.ruleId)).length, dump, section };
}

/** What the finding would do: its fix, its first suggestion, or report only. */
function action(f: BbcFinding): string {
  if (f.after === undefined) return 'report';
  return `${f.fix ? 'fix' : 'suggest'}: \`${flat(f.after) || '(delete)'}\``;
}
