// Roll-ups: what the audit keeps while articles stream past — per source and in all, the
// articles, words, share in each band, findings by kind, the score distribution (fixed bins),
// the mean MT likelihood, bands per day, and the worst articles (a bounded top list). Memory
// grows with the number of sources and days, never with the number of articles.

import { BANDS, KINDS, type ArticleScore, type Band, type Kind } from './score.js';

/** One article's row: what every output format prints about it. */
export interface ArticleRow extends ArticleScore {
  /** Position in the input (0-based), for a stable order. */
  seq: number;
  source: string;
  /** NDJSON `id`, feed item guid/id or link, or the file path. */
  id: string;
  title: string;
  /** The item's date as given (ISO 8601 when it could be read), or ''. */
  date: string;
  /** MT likelihood in [0, 1], three decimals. */
  mt: number;
}

/** Upper bounds of the score bins (the last is open): 0, (0,1), [1,2.5) … */
export const SCORE_BINS = [0, 1, 2.5, 5, 8, 15, Infinity];
export const SCORE_BIN_LABELS = ['0', '0–1', '1–2.5', '2.5–5', '5–8', '8–15', '15+'];

export function binOf(score: number): number {
  if (score <= 0) return 0;
  for (let i = 1; i < SCORE_BINS.length; i++) if (score < SCORE_BINS[i]) return i;
  return SCORE_BINS.length - 1;
}

/** The k highest by score (earlier input first on ties), kept in at most 2k entries. */
export class TopK<T extends { score: number; seq: number }> {
  #items: T[] = [];
  constructor(readonly k: number) {}
  /** Whether an item with this score could enter (so callers can skip building it). */
  admits(score: number): boolean {
    return this.k > 0 && (this.#items.length < this.k || score >= this.#floor);
  }
  #floor = -Infinity;
  add(item: T): void {
    if (!this.admits(item.score)) return;
    this.#items.push(item);
    if (this.#items.length >= 2 * this.k) this.#trim();
  }
  #trim(): void {
    this.#items.sort(byWorst);
    this.#items.length = Math.min(this.#items.length, this.k);
    if (this.k > 0 && this.#items.length === this.k) this.#floor = this.#items[this.k - 1].score;
  }
  list(): T[] {
    this.#trim();
    return [...this.#items];
  }
}

export const byWorst = (a: { score: number; seq: number }, b: { score: number; seq: number }) => b.score - a.score || a.seq - b.seq;

export class Rollup {
  articles = 0;
  words = 0;
  findings = 0;
  bands: Record<Band, number> = { clean: 0, review: 0, hold: 0 };
  kinds = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  histogram = SCORE_BINS.map(() => 0);
  scoreSum = 0;
  mtSum = 0;
  readonly worst: TopK<ArticleRow>;
  constructor(
    readonly name: string,
    worst: number,
  ) {
    this.worst = new TopK(worst);
  }
  add(r: ArticleRow): void {
    this.articles++;
    this.words += r.words;
    this.findings += r.findings;
    this.bands[r.band]++;
    for (const k of KINDS) this.kinds[k] += r.kinds[k];
    this.histogram[binOf(r.score)]++;
    this.scoreSum += r.score;
    this.mtSum += r.mt;
    this.worst.add(r);
  }
  /** Share of articles in a band, 0–1. */
  share(b: Band): number {
    return this.articles === 0 ? 0 : this.bands[b] / this.articles;
  }
  get meanScore(): number {
    return this.articles === 0 ? 0 : this.scoreSum / this.articles;
  }
  get meanMt(): number {
    return this.articles === 0 ? 0 : this.mtSum / this.articles;
  }
  /** Kinds with findings, most first (ties in KINDS order). */
  dominantKinds(n = 3): Kind[] {
    return KINDS.filter((k) => this.kinds[k] > 0)
      .sort((a, b) => this.kinds[b] - this.kinds[a])
      .slice(0, n);
  }
}

export interface AuditSummary {
  total: Rollup;
  /** Sources by name. */
  sources: Rollup[];
  /** Day (YYYY-MM-DD) → articles per band, sorted by day; empty when no article has a date. */
  days: { day: string; bands: Record<Band, number> }[];
}

/** The roll-ups of a run: per source, in all, and per day. */
export class Audit {
  readonly total: Rollup;
  readonly #sources = new Map<string, Rollup>();
  readonly #days = new Map<string, Record<Band, number>>();
  constructor(readonly worstPerSource: number) {
    this.total = new Rollup('all sources', 0);
  }
  add(r: ArticleRow): void {
    this.total.add(r);
    let s = this.#sources.get(r.source);
    if (!s) this.#sources.set(r.source, (s = new Rollup(r.source, this.worstPerSource)));
    s.add(r);
    const day = /^\d{4}-\d{2}-\d{2}/.exec(r.date)?.[0];
    if (day) {
      let d = this.#days.get(day);
      if (!d) this.#days.set(day, (d = { clean: 0, review: 0, hold: 0 }));
      d[r.band]++;
    }
  }
  summary(): AuditSummary {
    const sources = [...this.#sources.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const days = [...this.#days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, bands]) => ({ day, bands }));
    return { total: this.total, sources, days };
  }
}

export { BANDS };
