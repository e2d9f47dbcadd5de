// The machine-translation likelihood of an article: a logistic model over the shape features of
// mt-features.ts, learned by scripts/mt-train.ts from the shared development data and shipped as
// weights in data/mt-likelihood.json (no text of the data, no network). It is an estimate: its
// measured accuracy (ROC AUC on held-out documents and on a held-out language pair) is in
// docs/quality.md.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BUILTIN_RULES_DIR } from '../engine/load.js';
import { DENSE_FEATURES, HASH_BITS, mtFeatures, type MtFeatures } from './mt-features.js';

export interface MtModel {
  /** What the weights were learned from, and how they were checked (written by the training script). */
  about: string;
  hashBits: number;
  dense: readonly string[];
  /** Mean and standard deviation of each dense feature in the training data. */
  mean: number[];
  sd: number[];
  bias: number;
  denseWeights: number[];
  /** Weight per hashed slot; slots absent have weight 0. */
  sparseWeights: Record<string, number>;
  /** Articles with fewer words get a likelihood pulled toward 0.5 (too little text to judge). */
  minWords: number;
}

/** The raw score (log-odds) of features under a model, weights as plain arrays for speed. */
export function logOdds(f: MtFeatures, m: { bias: number; mean: number[]; sd: number[]; denseWeights: number[]; sparse: Float64Array }): number {
  let z = m.bias;
  for (let i = 0; i < f.dense.length; i++) z += m.denseWeights[i] * ((f.dense[i] - m.mean[i]) / m.sd[i]);
  for (const [k, v] of f.sparse) z += m.sparse[k] * v;
  return z;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The shipped model's path: data/ beside rules/ in the package. */
export const MODEL_FILE = join(dirname(BUILTIN_RULES_DIR), 'data', 'mt-likelihood.json');

let loaded: ((text: string) => number) | undefined;
let model: MtModel | undefined;
const shipped = () => (model ??= JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as MtModel);

/** What the shipped model learned from and how well it did on held-out data (its `about`). */
export function mtAbout(): string {
  return shipped().about;
}

/** A model made ready to score features: their likelihood in [0, 1], pulled toward 0.5 as the text gets short (a headline alone says little). */
export function compile(model: MtModel): (f: MtFeatures) => number {
  if (model.hashBits !== HASH_BITS || model.dense.length !== DENSE_FEATURES.length) {
    throw new Error('the MT-likelihood model does not match this version of mtlint (run scripts/mt-train)');
  }
  const sparse = new Float64Array(1 << HASH_BITS);
  for (const [k, v] of Object.entries(model.sparseWeights)) sparse[Number(k)] = v;
  const m = { ...model, sparse };
  return (f) => 0.5 + (sigmoid(logOdds(f, m)) - 0.5) * Math.min(1, f.words / model.minWords);
}

/** A scorer for a model: text → likelihood in [0, 1]. */
export function scorer(model: MtModel): (text: string) => number {
  const score = compile(model);
  return (text) => score(mtFeatures(text));
}

/** The likelihood under the shipped model (loaded on first use). */
export function mtLikelihood(text: string): number {
  loaded ??= scorer(shipped());
  return loaded(text);
}
