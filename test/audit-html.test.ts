// The audit's HTML report in a real browser (Debian's chromium driven by playwright-core): the
// charts are drawn, the article table sorts and filters, an article opens to its findings and
// diff, the console stays free of errors and the page makes no network request. Screenshots go
// to .test-build/screenshots/ (with UPDATE_SCREENSHOTS=1 also to docs/). Skips, with one line,
// where no chromium can be found.

import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fix } from '../src/index.js';
import { mtlint, ROOT, tempDir } from './helpers.js';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];
const CHROMIUM = CANDIDATES.find((p) => existsSync(p));
const SHOTS = join(ROOT, '.test-build', 'screenshots');

/**
 * A day of feeds made from the project's own samples: each seed-like sample as written and, for
 * other items, corrected by mtlint (fix with suggestions), which leaves a cleaner article.
 */
function demoExport(): string {
  const read = (f: string) => readFileSync(join(ROOT, 'samples', f), 'utf8').trim();
  const dirty = ['ceasefire-talks.txt', 'round-trip-grain-deal.txt', 'spun-climate-talks.txt', 'scraped-flood-report.txt'].map(read);
  const corrected = dirty.map((t) => fix(t, { level: 'suggest' }).output);
  const clean = [read('clean-report.txt')];
  const sources = [
    { host: 'https://www.partner-wire.example/', dirtyEvery: 2 },
    { host: 'https://regional-bulletin.example/', dirtyEvery: 3 },
    { host: 'https://citytimes.example/', dirtyEvery: 9 },
    { host: 'https://aggregator.example/', dirtyEvery: 1 },
  ];
  const lines: string[] = [];
  let n = 0;
  for (let day = 10; day <= 14; day++) {
    for (const [s, src] of sources.entries()) {
      for (let k = 0; k < 3; k++) {
        n++;
        const pick = (n * 7 + s) % 4;
        const text = n % src.dirtyEvery === 0 ? dirty[pick] : k === 0 ? clean[0] : corrected[pick];
        lines.push(JSON.stringify({ id: `item-${String(n).padStart(3, '0')}`, url: `${src.host}2026/04/${day}/${n}`, date: `2026-04-${day}T${String(6 + k * 4).padStart(2, '0')}:00:00Z`, text }));
      }
    }
  }
  return lines.join('\n') + '\n';
}

if (!CHROMIUM) {
  console.log('audit-html: skipped — no chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)');
} else {
  test('the HTML report in chromium: charts, sort, filter, diff; no console error, no network request', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'day.ndjson'), demoExport());
    const report = join(dir, 'report.html');
    const r = mtlint(['audit', '--format', 'html', '-o', report, '--source-field', 'url', 'day.ndjson'], { cwd: dir });
    assert.is(r.code, 1, r.stderr);
    const html = readFileSync(report, 'utf8');
    // One file: no external script, style, image or link.
    assert.not.match(html, /<(?:script|img|link|iframe)\b[^>]*\b(?:src|href)=/i);

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
      const requests: string[] = [];
      const errors: string[] = [];
      const url = pathToFileURL(report).href;
      page.on('request', (q) => {
        if (q.url() !== url && !q.url().startsWith('data:')) requests.push(q.url());
      });
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      await page.goto(url, { waitUntil: 'load' });

      // Charts: each canvas has drawn pixels (three always; bands over time as the records have dates).
      const drawn = await page.evaluate(() =>
        [...document.querySelectorAll('canvas')].map((c) => {
          const ctx = (c as HTMLCanvasElement).getContext('2d')!;
          const { data } = ctx.getImageData(0, 0, c.width, c.height);
          let painted = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
          return { id: c.id, painted, w: c.width, h: c.height };
        }),
      );
      assert.equal(
        drawn.map((d) => d.id),
        ['chart-bands', 'chart-scores', 'chart-kinds', 'chart-days'],
      );
      for (const d of drawn) assert.ok(d.painted > 1000, `${d.id} is blank (${d.painted} pixels)`);

      const rows = () => page.$$eval('#articles tbody tr.row', (trs) => trs.map((tr) => ({ band: tr.querySelector('.badge')!.textContent, score: Number(tr.children[1].textContent), source: tr.children[4].textContent })));
      const all = await rows();
      assert.is(all.length, 60);
      // Default order: highest score first.
      assert.equal(
        all.map((x) => x.score),
        [...all.map((x) => x.score)].sort((a, b) => b - a),
      );
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, 'audit-report.png'), fullPage: false });

      // Sort: a click on Score sorts ascending, a second descending.
      await page.click('#articles th[data-key="score"]');
      const asc = (await rows()).map((x) => x.score);
      assert.equal(asc, [...asc].sort((a, b) => a - b));
      assert.is(await page.getAttribute('#articles th[data-key="score"]', 'aria-sort'), 'ascending');
      await page.click('#articles th[data-key="source"]');
      const bySource = (await rows()).map((x) => x.source!);
      assert.equal(bySource, [...bySource].sort());

      // Filter: band, source, text.
      await page.selectOption('#band', 'hold');
      const held = await rows();
      assert.ok(held.length > 0 && held.length < 60);
      assert.ok(held.every((x) => x.band === 'hold'));
      await page.selectOption('#source', 'citytimes.example');
      assert.ok((await rows()).every((x) => x.source === 'citytimes.example' && x.band === 'hold'));
      await page.selectOption('#band', '');
      await page.selectOption('#source', '');
      await page.fill('#q', 'item-007');
      assert.equal(
        (await rows()).length,
        1,
      );
      await page.fill('#q', '');

      // Expand the worst article: its findings and its corrections.
      await page.click('#articles th[data-key="score"]');
      assert.is(await page.getAttribute('#articles th[data-key="score"]', 'aria-sort'), 'descending');
      await page.click('#articles tbody tr.row');
      const detail = await page.$('#articles tbody tr.detail-row');
      assert.ok(detail, 'no detail row after a click');
      const findings = await page.$$eval('.detail .findings li', (li) => li.length);
      assert.ok(findings > 0);
      const ins = await page.$$eval('.detail .diff ins', (x) => x.map((e) => e.textContent));
      const del = await page.$$eval('.detail .diff del', (x) => x.map((e) => e.textContent));
      assert.ok(ins.length > 0 && del.length > 0, 'the diff shows no change');
      // A phrase fix reads as the phrase it replaces (the worst article, item-011), not as word swaps.
      assert.ok(del.includes('the Moscow holder') && ins.includes("Moscow's position"), `del ${JSON.stringify(del)} ins ${JSON.stringify(ins)}`);
      await page.evaluate(() => document.querySelector('#articles tbody tr.row.open')!.scrollIntoView({ block: 'start' }));
      await page.evaluate(() => window.scrollBy(0, -60));
      await page.screenshot({ path: join(SHOTS, 'audit-article.png'), fullPage: false });

      assert.equal(errors, []);
      assert.equal(requests, []);
      if (process.env.UPDATE_SCREENSHOTS === '1') {
        for (const f of ['audit-report.png', 'audit-article.png']) copyFileSync(join(SHOTS, f), join(ROOT, 'docs', f));
      }
    } finally {
      await browser.close();
    }
  });
}

test.run();
