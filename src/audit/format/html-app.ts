// The report page's script, run in the browser: reads the data embedded in the page, draws the
// charts with Chart.js, fills the sources table and the article table (sort by a column's
// header, filter by text, band and source, a click on a row opens its findings and diff).
// html.ts inlines this function's source, so it must use nothing from outside it but the page.

/* eslint-disable */
declare const Chart: any;

export function reportApp(): void {
  type Data = {
    thresholds: { review: number; hold: number };
    kinds: string[];
    bins: string[];
    total: Src;
    sources: Src[];
    days: { day: string; bands: Record<string, number> }[];
    articles: Art[];
    generated: string;
    inputs: string[];
    version: string;
    mtAbout: string;
  };
  type Src = { name: string; articles: number; words: number; findings: number; bands: Record<string, number>; kinds: Record<string, number>; histogram: number[]; meanScore: number; meanMt: number };
  type Art = { source: string; id: string; title: string; date: string; band: string; score: number; mt: number; words: number; kinds: Record<string, number>; findings: [number, number, string, string, string][]; diff: [number, string][]; nf?: number };

  const data: Data = JSON.parse(document.getElementById('audit-data')!.textContent!);
  const BAND_COLOURS: Record<string, string> = { clean: '#2f8f5b', review: '#d99a1e', hold: '#c8463d' };
  const KIND_COLOURS = ['#2f5fa7', '#8a5cc2', '#c8463d', '#d99a1e', '#6b7785', '#17a2b8', '#e07a2e', '#2f8f5b', '#a0a8b4'];
  const BIN_COLOURS = ['#2f8f5b', '#7fbf7b', '#c9e2a4', '#f3d27a', '#eba24d', '#d9643a', '#a8322b'];
  const num = (n: number) => n.toLocaleString('en-US');
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...kids: (Node | string)[]) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) k === 'class' ? (e.className = v) : e.setAttribute(k, v);
    for (const c of kids) e.append(c);
    return e;
  };
  const t = data.total;
  const sources = data.sources;
  const names = sources.map((s) => s.name);

  // Header and key figures.
  document.getElementById('sub')!.textContent =
    `${num(t.articles)} articles from ${num(sources.length)} source${sources.length === 1 ? '' : 's'} · ${num(t.words)} words · ` +
    `generated ${data.generated.replace('T', ' ').slice(0, 16)} UTC by mtlint ${data.version}`;
  const card = (cls: string, k: string, v: string, s: string) => el('div', { class: `card ${cls}` }, el('div', { class: 'k' }, k), el('div', { class: 'v' }, v), el('div', { class: 's' }, s));
  const share = (b: string) => (t.articles ? t.bands[b] / t.articles : 0);
  document.getElementById('cards')!.append(
    card('', 'Articles', num(t.articles), `${num(t.findings)} findings`),
    card('hold', 'Hold', pct(share('hold')), `${num(t.bands.hold)} articles · score ≥ ${data.thresholds.hold}`),
    card('review', 'Review', pct(share('review')), `${num(t.bands.review)} articles · score ≥ ${data.thresholds.review}`),
    card('clean', 'Clean', pct(share('clean')), `${num(t.bands.clean)} articles`),
    card('', 'MT likelihood', t.meanMt.toFixed(2), 'mean estimate (0–1)'),
  );

  // Charts.
  Chart.defaults.animation = false;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = '#5c6878';
  Chart.defaults.maintainAspectRatio = false;
  const stacked = { x: { stacked: true, grid: { color: '#eef1f5' } }, y: { stacked: true, grid: { display: false } } };
  const horizontal = (id: string, datasets: any[], options: any = {}) =>
    new Chart(document.getElementById(id), {
      type: 'bar',
      data: { labels: names, datasets },
      options: { indexAxis: 'y', scales: stacked, plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } }, ...options },
    });
  const pctAxis = { ...stacked, x: { ...stacked.x, max: 100, ticks: { callback: (v: number) => `${v}%` } } };
  const pctTip = { callbacks: { label: (c: any) => `${c.dataset.label}: ${c.parsed.x.toFixed(1)}%` } };
  horizontal(
    'chart-bands',
    ['clean', 'review', 'hold'].map((b) => ({ label: b, data: sources.map((s) => (s.articles ? (100 * s.bands[b]) / s.articles : 0)), backgroundColor: BAND_COLOURS[b] })),
    { scales: pctAxis, plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } }, tooltip: pctTip } },
  );
  horizontal(
    'chart-scores',
    data.bins.map((label, i) => ({ label, data: sources.map((s) => (s.articles ? (100 * s.histogram[i]) / s.articles : 0)), backgroundColor: BIN_COLOURS[i] })),
    { scales: pctAxis, plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } }, tooltip: pctTip } },
  );
  horizontal(
    'chart-kinds',
    data.kinds
      .filter((k) => t.kinds[k] > 0)
      .map((k) => ({ label: k, data: sources.map((s) => (s.words ? Math.round((1e5 * s.kinds[k]) / s.words) / 10 : 0)), backgroundColor: KIND_COLOURS[data.kinds.indexOf(k)] })),
  );
  if (data.days.length > 0) {
    new Chart(document.getElementById('chart-days'), {
      type: 'bar',
      data: {
        labels: data.days.map((d) => d.day),
        datasets: ['clean', 'review', 'hold'].map((b) => ({ label: b, data: data.days.map((d) => d.bands[b]), backgroundColor: BAND_COLOURS[b] })),
      },
      options: { scales: { x: { stacked: true, grid: { display: false } }, y: { stacked: true, grid: { color: '#eef1f5' }, ticks: { precision: 0 } } }, plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } } },
    });
  } else {
    document.getElementById('chart-days')!.hidden = true;
    document.getElementById('no-days')!.hidden = false;
  }

  // Sources table.
  const bar = (s: Src) =>
    el('div', { class: 'bar', title: ['clean', 'review', 'hold'].map((b) => `${b} ${s.bands[b]}`).join(' · ') }, ...['clean', 'review', 'hold'].map((b) => el('span', { style: `width:${s.articles ? (100 * s.bands[b]) / s.articles : 0}%;background:${BAND_COLOURS[b]}` })));
  const topKinds = (s: Src) =>
    data.kinds
      .filter((k) => s.kinds[k] > 0)
      .sort((a, b) => s.kinds[b] - s.kinds[a])
      .slice(0, 3)
      .map((k) => `${k} ${s.kinds[k]}`)
      .join(', ') || '–';
  const srcTable = document.getElementById('sources')!;
  srcTable.append(
    el('thead', {}, el('tr', {}, ...['Source', 'Articles', 'Words', 'Bands', 'Hold', 'Review', 'Mean score', 'MT likelihood', 'Main kinds'].map((h, i) => el('th', { class: i > 0 && i < 8 && i !== 3 ? 'num' : '' }, h)))),
    el(
      'tbody',
      {},
      ...[...sources, ...(sources.length > 1 ? [{ ...t, name: 'All sources' }] : [])].map((s) =>
        el(
          'tr',
          {},
          el('td', {}, s.name),
          el('td', { class: 'num' }, num(s.articles)),
          el('td', { class: 'num' }, num(s.words)),
          el('td', {}, bar(s)),
          el('td', { class: 'num' }, pct(s.articles ? s.bands.hold / s.articles : 0)),
          el('td', { class: 'num' }, pct(s.articles ? s.bands.review / s.articles : 0)),
          el('td', { class: 'num' }, s.meanScore.toFixed(2)),
          el('td', { class: 'num' }, s.meanMt.toFixed(2)),
          el('td', {}, topKinds(s)),
        ),
      ),
    ),
  );

  // Articles table: sort, filter, expand.
  const arts = data.articles;
  for (const a of arts) a.nf = a.findings.length;
  const sourceSelect = document.getElementById('source') as HTMLSelectElement;
  for (const n of names) sourceSelect.append(el('option', {}, n));
  const tbody = document.querySelector('#articles tbody')!;
  const bandRank: Record<string, number> = { clean: 0, review: 1, hold: 2 };
  let sortKey = 'score';
  let sortDir = -1;
  const open = new Set<number>();
  const detail = (a: Art) => {
    const list = el('ul', { class: 'findings' });
    for (const [line, col, sev, rule, msg] of a.findings) {
      list.append(el('li', {}, el('span', { class: 'pos' }, `${line}:${col}`), el('span', { class: `sev ${sev}` }, sev), el('span', {}, msg, ' ', el('span', { class: 'rule' }, rule))));
    }
    const diff = el('div', { class: 'diff' });
    for (const [op, text] of a.diff) diff.append(op === 1 ? el('ins', {}, text) : op === -1 ? el('del', {}, text) : op === 2 ? el('span', { class: 'gap' }, text) : text);
    const kinds = data.kinds.filter((k) => a.kinds[k] > 0).map((k) => `${k} ${a.kinds[k]}`).join(' · ');
    return el(
      'td',
      { class: 'detail', colspan: '8' },
      el('h3', {}, `Findings (${a.findings.length})${kinds ? ` · ${kinds}` : ''}`),
      a.findings.length ? list : el('p', {}, 'No findings.'),
      el('h3', {}, a.diff.some(([op]) => op === 1 || op === -1) ? 'Corrections (removed, inserted)' : 'Text (no correction proposed)'),
      diff,
    );
  };
  const render = () => {
    const q = (document.getElementById('q') as HTMLInputElement).value.trim().toLowerCase();
    const band = (document.getElementById('band') as HTMLSelectElement).value;
    const src = sourceSelect.value;
    const rows = arts
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => (!band || a.band === band) && (!src || a.source === src) && (!q || `${a.title} ${a.id} ${a.source}`.toLowerCase().includes(q)));
    const key = (a: Art): number | string => (sortKey === 'band' ? bandRank[a.band] : (a as any)[sortKey]);
    rows.sort((x, y) => {
      const a = key(x.a);
      const b = key(y.a);
      return (a < b ? -1 : a > b ? 1 : 0) * sortDir || x.i - y.i;
    });
    tbody.replaceChildren();
    for (const { a, i } of rows) {
      const tr = el(
        'tr',
        { class: `row${open.has(i) ? ' open' : ''}`, 'data-index': String(i), 'aria-expanded': String(open.has(i)) },
        el('td', {}, el('span', { class: `badge ${a.band}` }, a.band)),
        el('td', { class: 'num' }, a.score.toFixed(1)),
        el('td', { class: 'num' }, a.mt.toFixed(2)),
        el('td', { class: 't' }, el('div', {}, a.title || a.id), el('div', { class: 'id' }, a.id)),
        el('td', {}, a.source),
        el('td', {}, a.date ? a.date.slice(0, 10) : ''),
        el('td', { class: 'num' }, num(a.words)),
        el('td', { class: 'num' }, String(a.nf)),
      );
      tr.addEventListener('click', () => {
        open.has(i) ? open.delete(i) : open.add(i);
        render();
      });
      tbody.append(tr);
      if (open.has(i)) tbody.append(el('tr', { class: 'detail-row' }, detail(a)));
    }
    document.getElementById('shown')!.textContent =
      `${num(rows.length)} shown of ${num(arts.length)}` + (arts.length < t.articles ? ` (the ${num(arts.length)} highest scores of ${num(t.articles)} articles)` : '');
    document.querySelectorAll('#articles th').forEach((th) => {
      const k = (th as HTMLElement).dataset.key;
      th.setAttribute('aria-sort', k === sortKey ? (sortDir === 1 ? 'ascending' : 'descending') : 'none');
    });
  };
  document.querySelectorAll('#articles th').forEach((th) =>
    th.addEventListener('click', () => {
      const k = (th as HTMLElement).dataset.key!;
      if (k === sortKey) sortDir = -sortDir;
      else {
        sortKey = k;
        sortDir = k === 'title' || k === 'source' || k === 'date' ? 1 : -1;
      }
      render();
    }),
  );
  for (const id of ['q', 'band', 'source']) document.getElementById(id)!.addEventListener('input', render);
  render();
  document.getElementById('about')!.textContent =
    `Score: findings weighted by severity and confidence per 1,000 words; clean below ${data.thresholds.review}, review from ${data.thresholds.review}, hold from ${data.thresholds.hold}. ` +
    `MT likelihood is an estimate: ${data.mtAbout} Inputs: ${data.inputs.join(', ')}.`;
}
