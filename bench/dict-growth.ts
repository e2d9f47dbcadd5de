// Dictionary growth in one process: builds the bench's dictionaries (100 … 100,000 phrase →
// correction pairs, bench/data.ts) and lints the same MB of news with each as the only rule
// (`--phrases`, loadPhraseTsv), sizes alternating, best of N passes. A quick check of the matcher
// while working on it; the figures of record come from `npm run bench` (section 2, fresh processes).
//   npm run build && tsc -p bench/tsconfig.json && node .test-build/bench/dict-growth.js [MB] [passes]

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { lintText, prepareRules } from '../src/engine/lint.js';
import { loadPhraseTsv } from '../src/engine/phrases-tsv.js';
import { ARTICLE_SEPARATOR, buildDictionaries, corpusText, loadCorpus } from './data.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const mb = Number(process.argv[2] ?? 4);
const passes = Number(process.argv[3] ?? 3);
const sizes = [100, 1_000, 10_000, 100_000];
const dir = mkdtempSync(join(tmpdir(), 'mtlint-dict-'));
try {
  const corpus = loadCorpus(root);
  const docs = corpusText(corpus, mb * 1e6).text.split(ARTICLE_SEPARATOR);
  const rows = buildDictionaries(root, corpus, sizes, dir).map((d) => {
    const t = performance.now();
    const rule = loadPhraseTsv(d.tsv);
    prepareRules([rule]);
    return { size: d.size, rule, loadMs: performance.now() - t, best: Infinity, findings: 0 };
  });
  for (let p = 0; p < passes; p++) {
    for (const row of p % 2 ? [...rows].reverse() : rows) {
      const t = performance.now();
      let findings = 0;
      for (const doc of docs) findings += lintText(doc, [row.rule]).length;
      row.best = Math.min(row.best, performance.now() - t);
      row.findings = findings;
    }
  }
  console.log('entries  load ms  ms/MB  findings');
  for (const r of rows) console.log(`${String(r.size).padStart(7)} ${r.loadMs.toFixed(0).padStart(8)} ${(r.best / mb).toFixed(1).padStart(6)} ${String(r.findings).padStart(9)}`);
  console.log(`per-MB growth 100 → 100,000 entries: ×${(rows[3].best / rows[0].best).toFixed(2)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
