// The terminal report: a table per source (articles, words, share in each band, mean score, mean
// MT likelihood, the kinds that dominate) and the worst articles with their counts by kind.

import type { Thresholds } from '../score.js';
import type { ArticleRow, AuditSummary, Rollup } from '../rollup.js';

const ESC = '\u001b[';
const BAND_COLOUR = { clean: '32', review: '33', hold: '31' } as const;
const num = (n: number) => n.toLocaleString('en-US');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
/** Display width (the terminal's columns), ignoring colour codes. */
const width = (s: string) => [...s.replace(/\u001b\[[0-9;]*m/g, '')].length;
const cut = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n - 1).join('') + '…' : s);

export function table(s: AuditSummary, o: { color: boolean; thresholds: Thresholds; worst: ArticleRow[]; columns?: number }): string {
  const paint = (code: string, text: string) => (o.color ? `${ESC}${code}m${text}${ESC}0m` : text);
  const band = (b: keyof typeof BAND_COLOUR, text: string = b) => paint(BAND_COLOUR[b], text);
  const t = o.thresholds;
  let out = '';
  out += `${paint('1', 'mtlint audit')}: ${num(s.total.articles)} article${s.total.articles === 1 ? '' : 's'} from ${num(s.sources.length)} source${s.sources.length === 1 ? '' : 's'}, ${num(s.total.words)} words\n`;
  out += paint('2', `bands by MT-artifact score (weighted findings per 1,000 words): clean < ${t.review} ≤ review < ${t.hold} ≤ hold; MT likelihood is an estimate (docs/quality.md)`) + '\n\n';
  const head = ['source', 'articles', 'words', 'clean', 'review', 'hold', 'score', 'MT', 'main kinds'];
  const row = (r: Rollup) => [
    r.name,
    num(r.articles),
    num(r.words),
    band('clean', pct(r.share('clean'))),
    r.bands.review ? band('review', pct(r.share('review'))) : pct(0),
    r.bands.hold ? band('hold', pct(r.share('hold'))) : pct(0),
    r.meanScore.toFixed(2),
    r.meanMt.toFixed(2),
    r.dominantKinds().map((k) => `${k} ${r.kinds[k]}`).join(', ') || '–',
  ];
  const maxName = Math.max(12, Math.min(40, (o.columns ?? 120) - 80));
  const rows = [...s.sources.map(row), ...(s.sources.length > 1 ? [row(s.total)] : [])].map((r) => [cut(r[0], maxName), ...r.slice(1)]);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const fmtRow = (r: string[]) =>
    r
      .map((c, i) => (i === 0 || i === r.length - 1 ? c + ' '.repeat(widths[i] - width(c)) : ' '.repeat(widths[i] - width(c)) + c))
      .join('  ')
      .trimEnd() + '\n';
  out += paint('1', fmtRow(head));
  rows.forEach((r, i) => {
    if (s.sources.length > 1 && i === rows.length - 1) out += paint('2', fmtRow(widths.map((w) => '─'.repeat(w))));
    out += fmtRow(r);
  });
  if (o.worst.length > 0) {
    out += `\n${paint('1', `Worst articles`)}\n`;
    for (const w of o.worst) {
      const kinds = Object.entries(w.kinds)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k} ${n}`)
        .join(' · ');
      out += `  ${band(w.band as keyof typeof BAND_COLOUR, w.band.padEnd(6))} ${w.score.toFixed(1).padStart(5)}  MT ${w.mt.toFixed(2)}  ${cut(w.title || w.id, 70)}\n`;
      out += `  ${paint('2', `${' '.repeat(14)}${w.source} · ${w.id} · ${num(w.words)} words · ${kinds || 'no findings'}`)}\n`;
    }
  }
  return out;
}
