// Trains the machine-translation likelihood (src/audit/mt-likelihood.ts) and checks it on data
// held apart: an L2-regularised logistic regression over the shape features of
// src/audit/mt-features.ts, fitted by full-batch Adam. Writes data/mt-likelihood.json (weights
// only). Each (language pair, MT or human) group weighs the same in training, so the many MT
// systems do not drown the one or two references of each document.
//
//   npm run build && npx tsc -p tsconfig.test.json && node .test-build/scripts/mt-train.js [--data DIR] [--no-write]
//
// Checks (printed, and by scripts/audit-quality.ts into docs/quality.md):
//   - held-out documents: a quarter of each pair's documents (every system's output and the
//     references of those documents) and a quarter of the original English, never trained on;
//   - held-out language pair: each pair in turn left out of training entirely;
//   - another year: newstest2020 zh→en (8 systems, 2 human translations), never trained on.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DENSE_FEATURES, HASH_BITS, mtFeatures, type MtFeatures } from '../src/audit/mt-features.js';
import { compile, MODEL_FILE, sigmoid, type MtModel } from '../src/audit/mt-likelihood.js';
import { readTraining, readYear2020, unit, WMT21_PAIRS, type LabelledArticle } from './mt-data.js';

export interface Example {
  a: LabelledArticle;
  f: MtFeatures;
}

export interface TrainOptions {
  lambda: number;
  epochs: number;
  rate: number;
}

export const DEFAULTS: TrainOptions = { lambda: 3e-4, epochs: 250, rate: 0.05 };
const MIN_WORDS = 60;

export function featurize(articles: LabelledArticle[]): Example[] {
  return articles.map((a) => ({ a, f: mtFeatures(a.text) }));
}

/** Groups of equal total weight: (pair, MT) and (pair, human); original English per set. */
function weights(examples: Example[]): number[] {
  const key = (e: Example) => `${e.a.pair}\u0000${e.a.mt}`;
  const size = new Map<string, number>();
  for (const e of examples) size.set(key(e), (size.get(key(e)) ?? 0) + 1);
  let pos = 0;
  let neg = 0;
  for (const k of size.keys()) k.endsWith('1') ? pos++ : neg++;
  // Both classes weigh the same in all.
  return examples.map((e) => (1 / size.get(key(e))!) * (e.a.mt ? 1 / pos : 1 / neg) * examples.length);
}

export function train(examples: Example[], o: TrainOptions = DEFAULTS): MtModel {
  const d = DENSE_FEATURES.length;
  const S = 1 << HASH_BITS;
  const w = weights(examples);
  const W = w.reduce((a, b) => a + b, 0);
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (let k = 0; k < examples.length; k++) for (let i = 0; i < d; i++) mean[i] += (w[k] * examples[k].f.dense[i]) / W;
  for (let k = 0; k < examples.length; k++) for (let i = 0; i < d; i++) sd[i] += (w[k] * (examples[k].f.dense[i] - mean[i]) ** 2) / W;
  for (let i = 0; i < d; i++) sd[i] = Math.sqrt(sd[i]) || 1;
  const sparseIdx = examples.map((e) => Int32Array.from(e.f.sparse.keys()));
  const sparseVal = examples.map((e) => Float64Array.from(e.f.sparse.values()));
  const dense = examples.map((e) => e.f.dense.map((v, i) => (v - mean[i]) / sd[i]));
  // Parameters: [bias, dense…, sparse…]
  const P = 1 + d + S;
  const theta = new Float64Array(P);
  const m1 = new Float64Array(P);
  const m2 = new Float64Array(P);
  const grad = new Float64Array(P);
  const b1 = 0.9;
  const b2 = 0.999;
  for (let t = 1; t <= o.epochs; t++) {
    grad.fill(0);
    for (let k = 0; k < examples.length; k++) {
      let z = theta[0];
      const dk = dense[k];
      for (let i = 0; i < d; i++) z += theta[1 + i] * dk[i];
      const idx = sparseIdx[k];
      const val = sparseVal[k];
      for (let j = 0; j < idx.length; j++) z += theta[1 + d + idx[j]] * val[j];
      const g = (w[k] * (sigmoid(z) - examples[k].a.mt)) / W;
      grad[0] += g;
      for (let i = 0; i < d; i++) grad[1 + i] += g * dk[i];
      for (let j = 0; j < idx.length; j++) grad[1 + d + idx[j]] += g * val[j];
    }
    for (let p = 1; p < P; p++) grad[p] += o.lambda * theta[p];
    for (let p = 0; p < P; p++) {
      m1[p] = b1 * m1[p] + (1 - b1) * grad[p];
      m2[p] = b2 * m2[p] + (1 - b2) * grad[p] * grad[p];
      theta[p] -= (o.rate * (m1[p] / (1 - b1 ** t))) / (Math.sqrt(m2[p] / (1 - b2 ** t)) + 1e-8);
    }
  }
  const sparseWeights: Record<string, number> = {};
  for (let s = 0; s < S; s++) {
    const v = theta[1 + d + s];
    if (Math.abs(v) >= 1e-4) sparseWeights[s] = Number(v.toPrecision(4));
  }
  return {
    about: '',
    hashBits: HASH_BITS,
    dense: [...DENSE_FEATURES],
    mean: mean.map((v) => Number(v.toPrecision(6))),
    sd: sd.map((v) => Number(v.toPrecision(6))),
    bias: Number(theta[0].toPrecision(6)),
    denseWeights: Array.from(theta.subarray(1, 1 + d), (v) => Number(v.toPrecision(6))),
    sparseWeights,
    minWords: MIN_WORDS,
  };
}

/** Likelihoods of examples under a model (the shipped scorer's arithmetic). */
export function predict(model: MtModel, examples: Example[]): number[] {
  const score = compile(model);
  return examples.map((e) => score(e.f));
}

/** ROC AUC: the chance that a random positive scores above a random negative (ties count half). */
export function auc(scores: number[], labels: number[]): number {
  const order = scores.map((s, i) => [s, labels[i]] as const).sort((a, b) => a[0] - b[0]);
  let pos = 0;
  let neg = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j][0] === order[i][0]) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (order[k][1] === 1) (rankSum += rank), pos++;
    neg += j - i - order.slice(i, j).filter((x) => x[1] === 1).length;
    i = j;
  }
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Held apart: a quarter of every pair's documents and of the original English, by a hash of the document key. */
export const isHeldOutDoc = (e: Example) => unit(`${e.a.pair}\u0000${e.a.doc}`) < 0.25;

export interface Check {
  name: string;
  /** MT vs every human text in the test set; vs references only; vs original English only. */
  all: number;
  references: number;
  original: number;
  n: { mt: number; references: number; original: number };
}

/** AUCs of scores on test examples. */
export function check(name: string, test: Example[], scores: number[]): Check {
  const sub = (keep: (e: Example) => boolean) => {
    const idx = test.map((e, i) => i).filter((i) => test[i].a.mt === 1 || keep(test[i]));
    return auc(
      idx.map((i) => scores[i]),
      idx.map((i) => test[i].a.mt),
    );
  };
  return {
    name,
    all: sub(() => true),
    references: sub((e) => e.a.human === 'reference'),
    original: sub((e) => e.a.human === 'original'),
    n: {
      mt: test.filter((e) => e.a.mt === 1).length,
      references: test.filter((e) => e.a.human === 'reference').length,
      original: test.filter((e) => e.a.human === 'original').length,
    },
  };
}

export interface Evaluation {
  heldOutDocs: Check;
  heldOutPairs: Check[];
  /** Each set of original English left out of training, against the held-out documents' MT. */
  heldOutOriginal: Check[];
  year2020: Check;
  /** The held-out-document test set and its likelihoods (for combining with the artifact score). */
  docTest: Example[];
  docScores: number[];
  trainSize: number;
}

/** Every check; `final` is the model trained on all the training data (for the other year). */
export function evaluate(examples: Example[], year2020: Example[], final: MtModel, o = DEFAULTS, log = (s: string) => process.stderr.write(s + '\n')): Evaluation {
  const trainDocs = examples.filter((e) => !isHeldOutDoc(e));
  const docTest = examples.filter(isHeldOutDoc);
  log(`held-out documents: training on ${trainDocs.length}, testing on ${docTest.length}`);
  const docModel = train(trainDocs, o);
  const docScores = predict(docModel, docTest);
  const heldOutDocs = check('held-out documents (all pairs)', docTest, docScores);
  const heldOutPairs: Check[] = [];
  for (const pair of WMT21_PAIRS) {
    // The pair is left out entirely; the original English is split by document as above.
    const tr = examples.filter((e) => e.a.pair !== pair && !(e.a.human === 'original' && isHeldOutDoc(e)));
    const te = examples.filter((e) => e.a.pair === pair || (e.a.human === 'original' && isHeldOutDoc(e)));
    log(`held-out pair ${pair}: training on ${tr.length}, testing on ${te.length}`);
    const m = train(tr, o);
    heldOutPairs.push(check(`${pair} left out`, te, predict(m, te)));
  }
  // Each source of original English left out of training: does "original" generalise beyond one publisher?
  const heldOutOriginal: Check[] = [];
  for (const source of ['en-bbc', 'en-dev']) {
    const tr = examples.filter((e) => e.a.pair !== source && !isHeldOutDoc(e));
    const te = examples.filter((e) => e.a.pair === source || (e.a.mt === 1 && isHeldOutDoc(e)));
    log(`held-out original English ${source}: training on ${tr.length}, testing on ${te.length}`);
    heldOutOriginal.push(check(`${source === 'en-bbc' ? 'BBC year' : 'clean-english-dev'} left out (vs held-out MT)`, te, predict(train(tr, o), te)));
  }
  const year = check('newstest2020 zh→en (another year)', year2020, predict(final, year2020));
  return { heldOutDocs, heldOutPairs, heldOutOriginal, year2020: year, docTest, docScores, trainSize: examples.length };
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');
export const checkRow = (c: Check) => `| ${c.name} | ${fmt(c.all)} | ${fmt(c.references)} | ${fmt(c.original)} | ${c.n.mt} / ${c.n.references} / ${c.n.original} |`;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const data = argv.includes('--data') ? argv[argv.indexOf('--data') + 1] : join(process.cwd(), '..', 'shared', 'data');
  const t0 = Date.now();
  const examples = featurize(readTraining(data));
  const year = featurize(readYear2020(data));
  process.stderr.write(`features of ${examples.length + year.length} articles in ${Date.now() - t0} ms\n`);
  const final = train(examples);
  const ev = evaluate(examples, year, final);
  const rows = [ev.heldOutDocs, ...ev.heldOutPairs, ...ev.heldOutOriginal, ev.year2020];
  process.stdout.write('| test set | MT vs all human | vs references | vs original English | articles MT / ref / original |\n|---|---|---|---|---|\n');
  for (const r of rows) process.stdout.write(checkRow(r) + '\n');
  const pairsMean = ev.heldOutPairs.reduce((a, c) => a + c.all, 0) / ev.heldOutPairs.length;
  final.about =
    `Logistic regression over article shape features (src/audit/mt-features.ts), trained by scripts/mt-train.ts on ${examples.length} articles: ` +
    `WMT21 X→en system outputs and professional references (${WMT21_PAIRS.join(', ')}), clean-english-dev and BBC News 2004-2005 originals. ` +
    `ROC AUC, MT vs human: held-out documents ${fmt(ev.heldOutDocs.all)}, held-out language pairs (mean) ${fmt(pairsMean)}, newstest2020 zh→en ${fmt(ev.year2020.all)}.`;
  if (!argv.includes('--no-write')) {
    writeFileSync(MODEL_FILE, JSON.stringify(final) + '\n');
    process.stderr.write(`wrote ${MODEL_FILE} (${Object.keys(final.sparseWeights).length} slot weights) in ${Math.round((Date.now() - t0) / 1000)} s\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
