// Measures false alarms on clean English (journalists' originals and professional translations):
// every finding there is almost surely wrong. Prints findings per 10,000 words, per rule.
// Usage: node .test-build/scripts/false-alarms.js [--data ../shared/data]

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../src/engine/lint.js';
import { loadRules } from '../src/engine/load.js';
import { articles, countWords, readTsv, type Article } from './tsv.js';

const dataArg = process.argv.indexOf('--data');
const DATA = dataArg > 0 ? process.argv[dataArg + 1] : join(process.cwd(), '..', 'shared', 'data');
if (!existsSync(DATA)) {
  process.stderr.write(`false-alarms: data folder ${DATA} not found (pass --data DIR)\n`);
  process.exit(2);
}

const rules = loadRules({ verify: false }).filter((r) => r.enabled);
const sets: [string, Article[]][] = [
  ['clean-english-dev (src)', articles(readTsv(join(DATA, 'clean-english-dev/newstest2021.en-X.refs.tsv')), 'doc_id', 'src')],
  ['newstest2021 ru-en ref_A', articles(readTsv(join(DATA, 'mt-dev/newstest2021.ru-en.refs.tsv')), 'doc_id', 'ref_A')],
  ['newstest2021 ru-en ref_B', articles(readTsv(join(DATA, 'mt-dev/newstest2021.ru-en.refs.tsv')), 'doc_id', 'ref_B')],
];

const verbose = process.argv.includes('--verbose');
for (const [name, docs] of sets) {
  let words = 0;
  const perRule = new Map<string, number>();
  for (const doc of docs) {
    words += countWords(doc.text);
    for (const f of lintText(doc.text, rules)) {
      perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
      if (verbose) process.stdout.write(`  ${doc.id}  ${f.ruleId}  ${JSON.stringify(doc.text.slice(Math.max(0, f.start - 30), f.end + 30))}\n`);
    }
  }
  const total = [...perRule.values()].reduce((a, b) => a + b, 0);
  process.stdout.write(`${name}: ${docs.length} articles, ${words} words, ${total} findings = ${((total / words) * 10000).toFixed(2)} per 10,000 words\n`);
  for (const [id, n] of [...perRule].sort((a, b) => b[1] - a[1])) process.stdout.write(`    ${id}: ${n}\n`);
}
