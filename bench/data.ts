// The benchmark's inputs, built in a temporary folder: a corpus of real English news prose (from
// ../shared/data/ when present, else the samples, repeated), a 3 KB article, a batch of articles,
// and phrase → correction dictionaries written three ways (mtlint TSV, prh YAML, grep patterns).
// Nothing from shared/ is written into the repository.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readTsv } from '../scripts/tsv.js';

/** Articles in the corpus file are separated by this (paragraphs inside one by a blank line). */
export const ARTICLE_SEPARATOR = '\n\n\n';

export interface Corpus {
  /** Where the text came from, for the report. */
  sources: string[];
  /** Distinct articles, in a fixed shuffled order. */
  articles: string[];
  uniqueBytes: number;
}

export interface Inputs {
  dir: string;
  corpus: Corpus;
  /** corpus-<MB>mb.txt files by size in bytes. */
  corpusFiles: Map<number, { path: string; bytes: number; articles: number }>;
  article3k: { path: string; bytes: number };
  batchDir: { path: string; files: number; bytes: number };
  /** Ten times the batch: where threads have enough work to pay for their start. */
  bigBatchDir: { path: string; files: number; bytes: number };
  dictionaries: Dictionary[];
}

export interface Dictionary {
  size: number;
  tsv: string;
  prhYaml: string;
  grepPatterns: string;
  /** How many of its phrases were taken from the corpus (so certainly occur in it). */
  fromCorpus: number;
}

/** A small, seeded generator (mulberry32), so every run builds the same inputs. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Rows grouped by a key (first-seen order), each group's text column joined as paragraphs. */
function group(rows: Record<string, string>[], key: (r: Record<string, string>) => string, text: (r: Record<string, string>) => string): string[] {
  const byKey = new Map<string, string[]>();
  for (const r of rows) {
    const t = text(r)?.trim();
    if (!t) continue;
    const k = key(r);
    const list = byKey.get(k);
    if (list) list.push(t);
    else byKey.set(k, [t]);
  }
  return [...byKey.values()].map((paras) => paras.join('\n\n').replace(/\n{3,}/g, '\n\n'));
}

/** Real English news prose: journalists' English, human references and MT output of news. */
export function loadCorpus(root: string): Corpus {
  const data = join(root, '..', 'shared', 'data');
  const articles: string[] = [];
  const sources: string[] = [];
  const take = (name: string, list: string[]) => {
    if (list.length === 0) return;
    sources.push(`${name} (${list.length} articles)`);
    articles.push(...list);
  };
  const tsv = (rel: string) => {
    const p = join(data, rel);
    return existsSync(p) ? readTsv(p) : [];
  };
  take('clean-english-dev/newstest2021.en-X.refs.tsv src', group(tsv('clean-english-dev/newstest2021.en-X.refs.tsv'), (r) => r.doc_id, (r) => r.src));
  const refs = tsv('mt-dev/newstest2021.ru-en.refs.tsv');
  take('mt-dev/newstest2021.ru-en.refs.tsv ref_A, ref_B', [
    ...group(refs, (r) => r.doc_id, (r) => r.ref_A),
    ...group(refs, (r) => r.doc_id, (r) => r.ref_B),
  ]);
  take('mt-dev/newstest2021.ru-en.hyps.tsv hyp', group(tsv('mt-dev/newstest2021.ru-en.hyps.tsv'), (r) => `${r.system}\t${r.doc_id}`, (r) => r.hyp));
  take('mt-dev/newstest2020_zhen.segments.tsv target', group(tsv('mt-dev/newstest2020_zhen.segments.tsv'), (r) => `${r.system}\t${r.doc}`, (r) => r.target));
  const mlqe = [...tsv('mt-dev/ru-en.train.tsv'), ...tsv('mt-dev/ru-en.dev.tsv')];
  // MLQE rows are single sentences from many sources: pack them ten to an "article".
  const pack = (col: string) => group(mlqe, (r) => String(Math.floor(Number(r.segid) / 10)), (r) => r[col]);
  take('mt-dev/ru-en.{train,dev}.tsv mt, pe_detok_approx', [...pack('mt'), ...pack('pe_detok_approx')]);
  if (articles.length === 0) {
    const samples = join(root, 'samples');
    const files = readdirSync(samples).filter((f) => f.endsWith('.txt')).sort();
    take(`samples/*.txt (shared data absent)`, files.map((f) => readFileSync(join(samples, f), 'utf8').trim()));
  }
  // NOTE: "\n\n\n" separates articles in the corpus file, so no article may contain it.
  const clean = articles.map((a) => a.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n')).filter((a) => a.length > 0);
  shuffle(clean, rng(5));
  return { sources, articles: clean, uniqueBytes: clean.reduce((n, a) => n + Buffer.byteLength(a) + ARTICLE_SEPARATOR.length, 0) };
}

/** The corpus repeated (articles in the same order) until it reaches `bytes`. */
export function corpusText(corpus: Corpus, bytes: number): { text: string; articles: number } {
  const parts: string[] = [];
  let total = 0;
  for (let i = 0; total < bytes; i++) {
    const a = corpus.articles[i % corpus.articles.length];
    parts.push(a);
    total += Buffer.byteLength(a) + ARTICLE_SEPARATOR.length;
  }
  return { text: parts.join(ARTICLE_SEPARATOR) + '\n', articles: parts.length };
}

/** Words as they stand in the text, lower-case letters only (so grep and prh see them too). */
const PLAIN_WORD = /^[a-z]+$/;

interface NgramStats {
  /** n-gram ("a b" or "a b c") → count, over a sample of the corpus. */
  counts: Map<string, number>;
  /** Vocabulary of plain words with their counts. */
  vocab: Map<string, number>;
}

function ngramStats(corpus: Corpus, sampleBytes: number): NgramStats {
  const counts = new Map<string, number>();
  const vocab = new Map<string, number>();
  let seen = 0;
  for (const article of corpus.articles) {
    if (seen > sampleBytes) break;
    seen += article.length;
    for (const para of article.split('\n\n')) {
      const words = para.split(/[ \t]+/);
      for (let i = 0; i < words.length; i++) {
        if (!PLAIN_WORD.test(words[i])) continue;
        vocab.set(words[i], (vocab.get(words[i]) ?? 0) + 1);
        let gram = words[i];
        for (let n = 2; n <= 4 && i + n - 1 < words.length && PLAIN_WORD.test(words[i + n - 1]); n++) {
          gram += ' ' + words[i + n - 1];
          counts.set(gram, (counts.get(gram) ?? 0) + 1);
        }
      }
    }
  }
  return { counts, vocab };
}

const STOP = new Set('a an the of to in on at for and or but is was are were be been by with from as that this it its he she they we his her their has have had not will would said says'.split(' '));

/** Phrase → correction pairs from the tortured-phrase list (spinner fingerprints), when present. */
function tortured(root: string): [string, string][] {
  const p = join(root, '..', 'shared', 'data', 'tortured-phrases', 'pps_dictionary_torturedcheck.tsv');
  if (!existsSync(p)) return [];
  const ok = /^[a-z]+(?:[ -][a-z]+)*$/;
  return readTsv(p)
    .map((r) => [r.tortured_phrase.trim(), r.expected_phrase.trim()] as [string, string])
    .filter(([a, b]) => ok.test(a) && ok.test(b) && a.includes(' ') && a !== b);
}

/**
 * Dictionaries of each size. Each holds min(100, size/2) phrases taken from the corpus (2–3 words
 * seen 3–30 times, neither end a function word, so they occur but do not dominate), then the tortured-phrase pairs, then
 * synthetic 2–4-word phrases of corpus words, weighted by frequency so that they share their
 * first words with the text (as a real term list does) but rejected when they occur in the sample.
 */
export function buildDictionaries(root: string, corpus: Corpus, sizes: number[], dir: string): Dictionary[] {
  const random = rng(42);
  const stats = ngramStats(corpus, 3_000_000);
  const fromCorpus = shuffle(
    [...stats.counts]
      .filter(([g, c]) => {
        const w = g.split(' ');
        return c >= 3 && c <= 30 && w.length <= 3 && !STOP.has(w[0]) && !STOP.has(w[w.length - 1]);
      })
      .map(([g]) => g)
      .sort(),
    random,
  ).slice(0, 100);
  const vocabWords = [...stats.vocab.keys()].sort();
  const englishWords = createRequire(import.meta.url)('an-array-of-english-words') as string[];
  const plainEnglish = englishWords.filter((w) => PLAIN_WORD.test(w) && w.length > 2);
  // Cumulative weights (count^0.75) for sampling corpus words.
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of vocabWords) cumulative.push((sum += Math.pow(stats.vocab.get(w)!, 0.75)));
  const corpusWord = () => {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabWords[lo];
  };
  const correction = () => plainEnglish[Math.floor(random() * plainEnglish.length)] + ' ' + corpusWord();

  const maxSize = Math.max(...sizes);
  const used = new Set<string>(fromCorpus);
  const rest: [string, string][] = [];
  for (const [a, b] of tortured(root)) {
    if (used.has(a) || stats.counts.has(a)) continue;
    used.add(a);
    rest.push([a, b]);
  }
  while (rest.length < maxSize) {
    const r = random();
    const n = r < 0.6 ? 2 : r < 0.9 ? 3 : 4;
    const words = [corpusWord()];
    // Later words: mostly corpus words, sometimes rarer English words.
    for (let k = 1; k < n; k++) words.push(random() < 0.7 ? corpusWord() : plainEnglish[Math.floor(random() * plainEnglish.length)]);
    const phrase = words.join(' ');
    if (used.has(phrase) || stats.counts.has(phrase)) continue;
    used.add(phrase);
    rest.push([phrase, correction()]);
  }
  const hits: [string, string][] = fromCorpus.map((p) => [p, correction()]);

  return sizes.map((size) => {
    const nHits = Math.min(hits.length, Math.floor(size / 2));
    const entries = [...hits.slice(0, nHits), ...rest.slice(0, size - nHits)];
    const base = join(dir, `dict-${size}`);
    writeFileSync(`${base}.tsv`, `# ${size} phrase → correction pairs for the mtlint benchmark\n` + entries.map(([a, b]) => `${a}\t${b}\n`).join(''));
    // prh: case-insensitive, whole words — the same contract as mtlint's matcher.
    writeFileSync(
      `${base}.yml`,
      'version: 1\nrules:\n' +
        entries.map(([a, b]) => `  - expected: ${JSON.stringify(b)}\n    pattern: ${JSON.stringify(`/${a}/i`)}\n    options:\n      wordBoundary: true\n`).join(''),
    );
    writeFileSync(`${base}.grep`, entries.map(([a]) => `${a}\n`).join(''));
    return { size, tsv: `${base}.tsv`, prhYaml: `${base}.yml`, grepPatterns: `${base}.grep`, fromCorpus: nHits };
  });
}

/** Writes every input into `dir`. */
export function buildInputs(root: string, dir: string, corpusSizes: number[], dictSizes: number[], batchSize: number): Inputs {
  mkdirSync(dir, { recursive: true });
  const corpus = loadCorpus(root);
  const corpusFiles = new Map<number, { path: string; bytes: number; articles: number }>();
  for (const size of corpusSizes) {
    const { text, articles } = corpusText(corpus, size);
    const path = join(dir, `corpus-${size / 1e6}mb.txt`);
    writeFileSync(path, text);
    corpusFiles.set(size, { path, bytes: Buffer.byteLength(text), articles });
  }
  // The 3 KB article: the first machine-translated news article of 2.5–3.5 KB, else any.
  const sized = (a: string) => Buffer.byteLength(a) >= 2500 && Buffer.byteLength(a) <= 3500;
  const article = corpus.articles.find(sized) ?? corpusText(corpus, 3000).text.slice(0, 3000);
  const article3k = { path: join(dir, 'article-3k.txt'), bytes: Buffer.byteLength(article + '\n') };
  writeFileSync(article3k.path, article + '\n');
  // The batches: the first `size` articles of 1.5–6 KB, one file each.
  const sizedForBatch = corpus.articles.filter((x) => x.length >= 1500 && x.length <= 6000);
  // NOTE: with the samples only (no shared data) there may be too few: they are used again.
  const pool = sizedForBatch.length > 0 ? sizedForBatch : corpus.articles;
  const writeBatch = (name: string, size: number) => {
    const path = join(dir, name);
    mkdirSync(path, { recursive: true });
    let bytes = 0;
    for (let files = 0; files < size; files++) {
      const a = pool[files % pool.length];
      writeFileSync(join(path, `article-${String(files).padStart(4, '0')}.txt`), a + '\n');
      bytes += Buffer.byteLength(a + '\n');
    }
    return { path, files: size, bytes };
  };
  const batchDir = writeBatch('batch', batchSize);
  const bigBatchDir = writeBatch('big-batch', batchSize * 10);
  const dictionaries = buildDictionaries(root, corpus, dictSizes, dir);
  return { dir, corpus, corpusFiles, article3k, batchDir, bigBatchDir, dictionaries };
}
