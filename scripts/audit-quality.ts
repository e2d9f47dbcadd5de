// The feed audit's measurements for docs/quality.md (a section, hooked into scripts/eval.ts):
// the MT likelihood's ROC AUC on data held apart from what it learned (documents, each language
// pair in turn, another year), the artifact score's AUC and both together on the same held-out
// documents, the bands of the BBC year, of the seed article and of the samples, and the score
// distributions the default thresholds were chosen from.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mtLikelihood } from '../src/audit/mt-likelihood.js';
import { DEFAULT_THRESHOLDS, scoreArticle, type ArticleScore } from '../src/audit/score.js';
import { lint, loadRules } from '../src/index.js';
import { parseSource } from '../src/io/formats/index.js';
import { readBbc, readTraining, readYear2020, unit, WMT21_PAIRS } from './mt-data.js';
import { check, checkRow, evaluate, featurize, isHeldOutDoc, predict, train, type Check, type Example } from './mt-train.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`);

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
}

export async function auditQuality(data: string, log = (s: string) => process.stderr.write(`audit-quality: ${s}\n`)): Promise<string[]> {
  const rules = loadRules({ verify: false });
  const t = DEFAULT_THRESHOLDS;
  const score = (text: string): ArticleScore => scoreArticle(text, lint(text, { rules }), t);
  const out: string[] = [];
  const push = (...l: string[]) => out.push(...l);

  // 1. The MT likelihood, checked on what it never learned from.
  log('featurizing the training data');
  const examples = featurize(readTraining(data));
  const year = featurize(readYear2020(data));
  const final = train(examples);
  const ev = evaluate(examples, year, final, undefined, log);

  // 2. The artifact score on the same held-out documents, and both together: a two-feature
  //    logistic regression (likelihood's log-odds, log(1 + score)) fitted on the training documents.
  log(`linting ${examples.length} articles for the artifact score`);
  const scores = new Map<Example, number>();
  for (const e of [...examples, ...year]) scores.set(e, score(e.a.text).score);
  const trainDocs = examples.filter((e) => !isHeldOutDoc(e));
  const logit = (p: number) => Math.log(Math.max(p, 1e-6) / Math.max(1 - p, 1e-6));
  // The combination's three weights are fitted on likelihoods the model gives documents it did not
  // learn from: the training documents in two halves, each scored by a model trained on the other.
  const half = (e: Example) => unit(`half\u0000${e.a.pair}\u0000${e.a.doc}`) < 0.5;
  const trainLik = new Array<number>(trainDocs.length);
  for (const side of [true, false]) {
    log(`combination: out-of-fold likelihoods, half ${side ? 1 : 2}`);
    const m = train(trainDocs.filter((e) => half(e) !== side));
    const idx = trainDocs.map((e, i) => i).filter((i) => half(trainDocs[i]) === side);
    const p = predict(m, idx.map((i) => trainDocs[i]));
    idx.forEach((i, k) => (trainLik[i] = p[k]));
  }
  const combo = fitPair(
    trainDocs.map((e, i) => [logit(trainLik[i]), Math.log1p(scores.get(e)!)]),
    trainDocs.map((e) => e.a.mt),
  );
  const together = (lik: number[], set: Example[]) => set.map((e, i) => combo[0] + combo[1] * logit(lik[i]) + combo[2] * Math.log1p(scores.get(e)!));
  const docArtifact = check('held-out documents: artifact score', ev.docTest, ev.docTest.map((e) => scores.get(e)!));
  const docBoth = check('held-out documents: both together', ev.docTest, together(ev.docScores, ev.docTest));
  const yearLik = predict(final, year);
  const yearArtifact = check('newstest2020 zh→en: artifact score', year, year.map((e) => scores.get(e)!));
  const yearBoth = check('newstest2020 zh→en: both together', year, together(yearLik, year));

  // 3. The BBC year, the seed and the samples in bands.
  log('scoring the BBC year, the seed and the samples');
  const bbc = readBbc(data).map((a) => ({ id: a.id, s: score(a.text) }));
  const bbcBands = { clean: 0, review: 0, hold: 0 };
  for (const b of bbc) bbcBands[b.s.band]++;
  const seedPath = join(data, '..', 'seed', 'article.txt');
  const seed = existsSync(seedPath) ? score(readFileSync(seedPath, 'utf8')) : undefined;
  const seedMt = existsSync(seedPath) ? mtLikelihood(readFileSync(seedPath, 'utf8')) : NaN;
  const samples: { name: string; s: ArticleScore; mt: number }[] = [];
  const sampleDir = join(ROOT, 'samples');
  for (const f of readdirSync(sampleDir).filter((x) => x.endsWith('.txt')).sort()) {
    const text = readFileSync(join(sampleDir, f), 'utf8');
    samples.push({ name: `samples/${f}`, s: score(text), mt: mtLikelihood(text) });
  }
  const feed = join(sampleDir, 'audit', 'partner-wire.rss');
  if (existsSync(feed)) {
    for (const a of parseSource('feed', readFileSync(feed, 'utf8'), feed).articles) {
      const text = a.map!.text;
      samples.push({ name: `samples/audit/partner-wire.rss ${a.id}`, s: score(text), mt: mtLikelihood(text) });
    }
  }

  // 4. Score distributions by kind of text.
  const groups: [string, number[]][] = [
    ['BBC News 2004–2005 (original English)', bbc.map((b) => b.s.score)],
    ['clean-english-dev (original English)', examples.filter((e) => e.a.pair === 'en-dev').map((e) => scores.get(e)!)],
    ['WMT21 professional references (7 pairs)', examples.filter((e) => e.a.human === 'reference').map((e) => scores.get(e)!)],
    ['WMT21 MT outputs (7 pairs, all systems)', examples.filter((e) => e.a.mt === 1).map((e) => scores.get(e)!)],
  ];

  push('## Feed audit (`mtlint audit`)', '');
  push(
    'Generated by scripts/audit-quality.ts. Articles are WMT21 documents (segments joined as paragraphs; where a file has no',
    'document ids, runs of 12 segments), BBC and clean-english-dev articles. "MT" is every system\'s output; "human" is the',
    'professional references of the same documents and original English.',
    '',
  );
  push('### Bands', '');
  push(`Default thresholds: clean below **${t.review}**, review from ${t.review}, hold from **${t.hold}** (weighted findings per 1,000 words; error 1, warning 0.6, info 0.25, times the rule's confidence; articles under 250 words scored as 250).`, '');
  push('| set | articles | clean | review | hold |', '|---|---|---|---|---|');
  push(`| BBC News 2004–2005 | ${bbc.length} | **${pct(bbcBands.clean, bbc.length)}** | ${pct(bbcBands.review, bbc.length)} | ${pct(bbcBands.hold, bbc.length)} |`);
  for (const [name, xs] of groups.slice(1)) {
    const b = { clean: 0, review: 0, hold: 0 };
    for (const x of xs) b[x >= t.hold ? 'hold' : x >= t.review ? 'review' : 'clean']++;
    push(`| ${name} | ${xs.length} | ${pct(b.clean, xs.length)} | ${pct(b.review, xs.length)} | ${pct(b.hold, xs.length)} |`);
  }
  push('');
  const notClean = bbc.filter((b) => b.s.band !== 'clean').sort((a, b) => b.s.score - a.s.score);
  if (notClean.length > 0) {
    push(`BBC articles not clean (${notClean.length}): ` + notClean.map((b) => `${b.id} (${b.s.band}, ${b.s.score}: ${Object.entries(b.s.kinds).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ')})`).join('; ') + '.', '');
  }
  push('| article | words | findings | score | band | MT likelihood |', '|---|---|---|---|---|---|');
  if (seed) push(`| **seed article** (../shared/seed/article.txt) | ${seed.words} | ${seed.findings} | ${seed.score} | **${seed.band}** | ${fmt(seedMt, 2)} |`);
  for (const x of samples) push(`| ${x.name} | ${x.s.words} | ${x.s.findings} | ${x.s.score} | ${x.s.band} | ${fmt(x.mt, 2)} |`);
  push('');
  push('Score distribution (quantiles) — what the thresholds were chosen from:', '');
  push('| set | articles | median | 90th | 98th | 99th | max |', '|---|---|---|---|---|---|---|');
  for (const [name, xs] of groups) push(`| ${name} | ${xs.length} | ${fmt(quantile(xs, 0.5), 2)} | ${fmt(quantile(xs, 0.9), 2)} | ${fmt(quantile(xs, 0.98), 2)} | ${fmt(quantile(xs, 0.99), 2)} | ${fmt(Math.max(...xs), 2)} |`);
  push('');

  push('### MT likelihood and artifact score: ROC AUC (MT ranked above human)', '');
  push(
    `The MT likelihood is a logistic regression over shape features only (function words kept, every other word replaced by its class —`,
    `capitalised, number, or a lower-case word by its ending —, their pairs and triples hashed into ${2 ** 13} slots, and ten dense measures:`,
    'sentence length and spread, vocabulary variety, contractions, commas, capitals, brackets); typography is folded and paragraph breaks',
    'leave no symbol, so topics, quote styles and layout cannot be learned. Trained by scripts/mt-train.ts on',
    `${ev.trainSize} articles (${WMT21_PAIRS.join(', ')} WMT21 outputs and references, clean-english-dev, the BBC year), each (pair, MT/human)`,
    'group weighing the same. Shipped as weights in data/mt-likelihood.json.',
    '',
    'Held apart: **documents** — a quarter of every pair\'s documents (all systems\' outputs and the references of those documents)',
    'and a quarter of the original English, by a hash of the document key; **language pairs** — each pair left out of training',
    'entirely (and the held-out quarter of the original English); **original English from another publisher** — the BBC year, then',
    "clean-english-dev, left out of training and tested against the held-out documents' MT; **another year** — newstest2020 zh→en (8 systems, 2 human",
    'translations), never trained on.',
    '',
  );
  push('| test set | MT vs all human | vs references | vs original English | articles MT / ref / original |', '|---|---|---|---|---|');
  const rows: Check[] = [ev.heldOutDocs, docArtifact, docBoth, ...ev.heldOutPairs, ...ev.heldOutOriginal, ev.year2020, yearArtifact, yearBoth];
  for (const r of rows) push(checkRow(r));
  const meanPairs = ev.heldOutPairs.reduce((a, c) => a + c.all, 0) / ev.heldOutPairs.length;
  const meanPairRefs = ev.heldOutPairs.reduce((a, c) => a + c.references, 0) / ev.heldOutPairs.length;
  push('');
  push(
    `Mean over the seven left-out pairs: **${fmt(meanPairs)}** against all human text, **${fmt(meanPairRefs)}** against the references alone.`,
    `"Both together": a logistic regression on the likelihood's log-odds and log(1 + score), fitted on the training documents with likelihoods from models that had not seen them (two halves, each scored by a model trained on the other); weights: intercept ${fmt(combo[0], 2)}, likelihood ${fmt(combo[1], 2)}, score ${fmt(combo[2], 2)}.`,
    '',
  );
  return out;
}

/** A two-feature logistic regression (intercept, a, b) by Newton's method, classes weighted as in training. */
function fitPair(x: [number, number][], y: number[]): [number, number, number] {
  const pos = y.filter((v) => v === 1).length;
  const w = y.map((v) => (v === 1 ? 0.5 / pos : 0.5 / (y.length - pos)));
  let th = [0, 0, 0];
  for (let it = 0; it < 50; it++) {
    const g = [0, 0, 0];
    const H = [
      [1e-6, 0, 0],
      [0, 1e-6, 0],
      [0, 0, 1e-6],
    ];
    x.forEach(([a, b], i) => {
      const f = [1, a, b];
      const p = 1 / (1 + Math.exp(-(th[0] + th[1] * a + th[2] * b)));
      for (let j = 0; j < 3; j++) {
        g[j] += w[i] * (p - y[i]) * f[j];
        for (let k = 0; k < 3; k++) H[j][k] += w[i] * p * (1 - p) * f[j] * f[k];
      }
    });
    th = th.map((v, j) => v - solve(H, g)[j]);
  }
  return th as [number, number, number];
}

function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((r, i) => r[n] / r[i]);
}

