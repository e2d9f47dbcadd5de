// --format html: the report as one self-contained file — no request to any server, works offline.
// Chart.js (inlined from node_modules) draws the bands and score distribution per source, the
// artifact kinds per source (stacked) and the bands per day; a sortable, filterable table lists
// the worst articles, and each expands to its findings and its corrections in place (the text each
// fix and first suggestion removes and inserts, from the edits themselves: fix/changes.ts).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { KINDS, type Thresholds } from '../score.js';
import { SCORE_BIN_LABELS, type AuditSummary, type Rollup } from '../rollup.js';
import { reportApp } from './html-app.js';

/** An article as the page shows it. */
export interface PageArticle {
  source: string;
  id: string;
  title: string;
  date: string;
  band: string;
  score: number;
  mt: number;
  words: number;
  kinds: Record<string, number>;
  /** Findings: [line, column, severity, rule id, message]. */
  findings: [number, number, string, string, string][];
  /** The corrections: [op, text] with op 0 kept, 1 inserted, -1 removed, 2 a gap ('…') where kept text far from a change is cut. */
  diff: [number, string][];
}

export interface PageOptions {
  thresholds: Thresholds;
  /** The articles listed (the worst first), at most the run's --html-articles. */
  articles: PageArticle[];
  /** Generated at (ISO), inputs named, mtlint's version, and the MT likelihood's measured AUC. */
  generated: string;
  inputs: string[];
  version: string;
  mtAbout: string;
}

let chartJs: string | undefined;
/** Chart.js's UMD build, read from the installed package (its `exports` name only the CommonJS entry, beside which it lies). */
function chartLibrary(): string {
  if (chartJs === undefined) {
    const main = createRequire(import.meta.url).resolve('chart.js');
    chartJs = readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8');
  }
  return chartJs;
}

/** Text safe inside <script>: no `</script`, no `<!--`. */
const inScript = (s: string) => s.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function sourceData(r: Rollup) {
  return {
    name: r.name,
    articles: r.articles,
    words: r.words,
    findings: r.findings,
    bands: r.bands,
    kinds: r.kinds,
    histogram: r.histogram,
    meanScore: Math.round(r.meanScore * 100) / 100,
    meanMt: Math.round(r.meanMt * 1000) / 1000,
  };
}

export function html(s: AuditSummary, o: PageOptions): string {
  const data = {
    thresholds: o.thresholds,
    kinds: KINDS,
    bins: SCORE_BIN_LABELS,
    total: sourceData(s.total),
    sources: s.sources.map(sourceData),
    days: s.days,
    articles: o.articles,
    generated: o.generated,
    inputs: o.inputs,
    version: o.version,
    mtAbout: o.mtAbout,
  };
  const json = inScript(JSON.stringify(data).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'));
  const title = `mtlint audit — ${s.total.articles.toLocaleString('en-US')} articles`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
  <div class="wrap">
    <h1>Feed audit</h1>
    <p class="sub" id="sub"></p>
  </div>
</header>
<main class="wrap">
  <section class="cards" id="cards"></section>
  <section class="grid">
    <figure class="panel"><figcaption>Bands per source <span class="hint">share of articles</span></figcaption><div class="chart"><canvas id="chart-bands"></canvas></div></figure>
    <figure class="panel"><figcaption>Score distribution per source <span class="hint">share of articles by MT-artifact score</span></figcaption><div class="chart"><canvas id="chart-scores"></canvas></div></figure>
    <figure class="panel"><figcaption>Artifact kinds per source <span class="hint">findings per 10,000 words</span></figcaption><div class="chart"><canvas id="chart-kinds"></canvas></div></figure>
    <figure class="panel"><figcaption>Bands over time <span class="hint">articles per day</span></figcaption><div class="chart"><canvas id="chart-days"></canvas><p class="empty" id="no-days" hidden>No article carries a date.</p></div></figure>
  </section>
  <section class="panel">
    <h2>Sources</h2>
    <table class="sources" id="sources"></table>
  </section>
  <section class="panel">
    <div class="tablehead">
      <h2>Articles <span class="hint" id="shown"></span></h2>
      <div class="filters">
        <input type="search" id="q" placeholder="Filter by title, id or source…" aria-label="Filter articles">
        <select id="band" aria-label="Band"><option value="">All bands</option><option>hold</option><option>review</option><option>clean</option></select>
        <select id="source" aria-label="Source"><option value="">All sources</option></select>
      </div>
    </div>
    <table class="articles" id="articles">
      <thead><tr>
        <th data-key="band">Band</th><th data-key="score" class="num">Score</th><th data-key="mt" class="num">MT</th>
        <th data-key="title">Article</th><th data-key="source">Source</th><th data-key="date">Date</th>
        <th data-key="words" class="num">Words</th><th data-key="nf" class="num">Findings</th>
      </tr></thead>
      <tbody></tbody>
    </table>
  </section>
  <footer id="about"></footer>
</main>
<script>${inScript(chartLibrary())}</script>
<script type="application/json" id="audit-data">${json}</script>
<script>(${reportApp.toString()})();</script>
</body>
</html>
`;
}

const CSS = `
:root { --ink:#1d2430; --muted:#5c6878; --line:#e3e7ee; --bg:#f5f7fa; --card:#fff;
  --clean:#2f8f5b; --review:#d99a1e; --hold:#c8463d; --accent:#2f5fa7; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif; color:var(--ink); background:var(--bg); }
.wrap { max-width:1280px; margin:0 auto; padding:0 24px; }
header { background:#17202e; color:#fff; padding:20px 0 18px; }
header h1 { margin:0; font-size:22px; font-weight:650; letter-spacing:.2px; }
header .sub { margin:4px 0 0; color:#b9c3d3; font-size:13px; }
.cards { display:grid; grid-template-columns:repeat(auto-fit,minmax(160px,1fr)); gap:12px; margin:20px 0; }
.card { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:12px 14px; }
.card .k { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.5px; }
.card .v { font-size:26px; font-weight:650; margin-top:2px; font-variant-numeric:tabular-nums; }
.card .s { color:var(--muted); font-size:12px; }
.card.clean .v { color:var(--clean); } .card.review .v { color:var(--review); } .card.hold .v { color:var(--hold); }
.grid { display:grid; grid-template-columns:1fr 1fr; gap:16px; margin-bottom:16px; }
@media (max-width: 900px) { .grid { grid-template-columns:1fr; } }
.panel { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:14px 16px; margin:0 0 16px; }
figure.panel { margin:0; }
figcaption, h2 { font-weight:650; font-size:15px; margin:0 0 8px; }
.hint { color:var(--muted); font-weight:400; font-size:12px; margin-left:6px; }
.chart { position:relative; height:260px; }
.empty[hidden] { display:none; }
.empty { position:absolute; inset:0; display:flex; align-items:center; justify-content:center; color:var(--muted); margin:0; }
table { width:100%; border-collapse:collapse; font-variant-numeric:tabular-nums; }
th, td { text-align:left; padding:7px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-size:12px; color:var(--muted); font-weight:600; text-transform:uppercase; letter-spacing:.4px; white-space:nowrap; }
.num { text-align:right; }
table.articles th { cursor:pointer; user-select:none; }
table.articles th:hover { color:var(--ink); }
th[aria-sort="ascending"]::after { content:" ▲"; } th[aria-sort="descending"]::after { content:" ▼"; }
tr.row { cursor:pointer; } tr.row:hover td { background:#f0f4fa; }
tr.row.open td { background:#eaf0f9; border-bottom-color:transparent; }
td.t { max-width:420px; } td.t .id { color:var(--muted); font-size:12px; word-break:break-all; }
.badge { display:inline-block; min-width:58px; text-align:center; border-radius:999px; padding:1px 8px; font-size:12px; font-weight:600; color:#fff; }
.badge.clean { background:var(--clean); } .badge.review { background:var(--review); } .badge.hold { background:var(--hold); }
.bar { display:flex; height:10px; border-radius:5px; overflow:hidden; min-width:120px; background:#eee; }
.bar span { display:block; height:100%; }
.tablehead { display:flex; align-items:center; justify-content:space-between; gap:12px; flex-wrap:wrap; margin-bottom:6px; }
.filters { display:flex; gap:8px; flex-wrap:wrap; }
.filters input, .filters select { font:inherit; padding:6px 9px; border:1px solid #cfd6e0; border-radius:7px; background:#fff; }
.filters input { width:280px; }
td.detail { background:#fbfcfe; padding:12px 16px 16px; }
.detail h3 { font-size:13px; margin:4px 0 6px; color:var(--muted); text-transform:uppercase; letter-spacing:.4px; }
.findings { list-style:none; margin:0 0 12px; padding:0; }
.findings li { padding:3px 0; display:flex; gap:10px; }
.findings .pos { color:var(--muted); min-width:56px; font-family:ui-monospace,Menlo,Consolas,monospace; font-size:12px; padding-top:2px; }
.findings .sev { font-size:11px; font-weight:700; text-transform:uppercase; min-width:64px; padding-top:2px; }
.sev.error { color:var(--hold); } .sev.warning { color:var(--review); } .sev.info { color:var(--accent); }
.findings .rule { color:var(--muted); font-size:12px; font-family:ui-monospace,Menlo,Consolas,monospace; }
.diff { white-space:pre-wrap; font-family:Georgia,"Times New Roman",serif; font-size:15px; line-height:1.6; background:#fff; border:1px solid var(--line); border-radius:8px; padding:12px 16px; max-height:480px; overflow:auto; }
.diff del { background:#fbe3e1; color:#8f1d14; text-decoration:line-through; }
.diff ins { background:#dcf3e3; color:#14632f; text-decoration:none; }
.diff del, .diff ins { padding:0 2px; border-radius:3px; }
.diff del + ins { margin-left:4px; }
.diff del + ins::before { content:"→ "; color:var(--muted); }
.diff .gap { color:var(--muted); }
footer { color:var(--muted); font-size:12px; padding:8px 0 32px; }
`;
