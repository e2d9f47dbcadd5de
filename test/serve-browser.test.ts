// The review page in a real browser (playwright-core driving the system's Chromium, headless):
// one highlight per finding at the positions `--format json` gives, accept-all equal to
// `--fix --stdout`, reject/accept/save and the conflict message, the keyboard flow, a hostile
// article shown as text with no script run, the accessibility basics (axe-core), screenshots, and
// the time from load to all highlights of a 50 KB article (printed, not asserted).
// Skipped, with one line, where no Chromium can be started.

import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { applyEdits, findingIds, FORMATTERS, lint } from '../src/index.js';
import { HAS_SHARED, mtlint, ROOT, SHARED, tempDir } from './helpers.js';
import { startTestServer, type TestServer } from './serve-helpers.js';

const require = createRequire(import.meta.url);
const SEED = join(SHARED, 'seed', 'article.txt');
const SAMPLE = join(ROOT, 'samples', 'ceasefire-talks.txt');
const MD = join(ROOT, 'test', 'fixtures', 'formats', 'article.md');
const HTML = join(ROOT, 'test', 'fixtures', 'formats', 'article.html');
const DOCS = join(ROOT, 'docs');

/** The system's Chromium: MTLINT_CHROMIUM, else Debian's and other usual places. */
function chromiumPath(): string | undefined {
  const candidates = [process.env.MTLINT_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

async function launch(): Promise<Browser | string> {
  const path = chromiumPath();
  if (!path) return 'no Chromium found (apt-get install chromium, or set MTLINT_CHROMIUM)';
  try {
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    return await chromium.launch({ executablePath: path, args: ['--no-sandbox'] });
  } catch (e) {
    return `Chromium at ${path} did not start: ${(e as Error).message.split('\n')[0]}`;
  }
}

const launched = await launch();
if (typeof launched === 'string') console.log(`serve-browser: skipped: ${launched}`);
const browser = typeof launched === 'string' ? undefined : launched;

interface Watched {
  page: Page;
  /** Console errors, page errors, and dialogs when not expected: none is expected. */
  problems: string[];
  /** Set to accept the page's dialogs (recorded in `dialogs`) instead of counting them as problems. */
  acceptDialogs: boolean;
  dialogs: string[];
}

/** A new page on the server, waiting until the first article is shown; collects anything that goes wrong. */
async function open(server: TestServer, viewport = { width: 1280, height: 800 }): Promise<Watched> {
  const page = await browser!.newPage({ viewport });
  const w: Watched = { page, problems: [], acceptDialogs: false, dialogs: [] };
  page.on('console', (m) => m.type() === 'error' && w.problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => w.problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    if (w.acceptDialogs) {
      w.dialogs.push(d.message());
      return void d.accept();
    }
    w.problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(server.url);
  await settled(page);
  return w;
}

/** Waits until the page has its article and no request is in flight. */
async function settled(page: Page): Promise<void> {
  await page.waitForSelector('body[data-state="ready"]:not([data-busy])', { timeout: 60_000 });
}

async function articleText(page: Page): Promise<string> {
  return page.$eval('#article', (el) => el.textContent ?? '');
}

/** Each finding id's marks as offsets into the article's text: [start, end) per mark. */
async function marks(page: Page): Promise<Record<string, [number, number][]>> {
  return page.$eval('#article', (root) => {
    const out: Record<string, [number, number][]> = {};
    let at = 0;
    const walk = (node: Node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) at += (child as Text).data.length;
        else {
          const el = child as HTMLElement;
          const start = at;
          walk(el);
          if (el.tagName === 'MARK') for (const id of el.dataset.ids!.split(' ')) (out[id] ??= []).push([start, at]);
        }
      }
    };
    walk(root);
    return out;
  });
}

/** Every finding of the CLI's --format json has its marks, covering exactly its range; no mark for anything else. */
async function checkHighlights(page: Page, file: string): Promise<number> {
  const text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  assert.is(await articleText(page), text, `${file}: the article shows the text as it is`);
  const cli = JSON.parse(mtlint(['--format', 'json', file]).stdout).files[0].findings as { start: number; end: number; ruleId: string }[];
  const mine = lint(text, { filename: file });
  assert.equal(mine.map((f) => [f.ruleId, f.start, f.end]), cli.map((f) => [f.ruleId, f.start, f.end]), `${file}: the server's findings are the CLI's`);
  const ids = findingIds(text, mine);
  const shown = await marks(page);
  assert.equal(Object.keys(shown).sort(), [...ids].sort(), `${file}: one highlight per finding`);
  cli.forEach((f, i) => {
    const ranges = shown[ids[i]];
    for (let k = 1; k < ranges.length; k++) assert.is(ranges[k][0], ranges[k - 1][1], `${file}: ${f.ruleId}'s marks are contiguous`);
    assert.equal([ranges[0][0], ranges[ranges.length - 1][1]], [f.start, f.end], `${file}: ${f.ruleId} at ${f.start}-${f.end}`);
  });
  return cli.length;
}

async function clickAndSettle(page: Page, selector: string): Promise<void> {
  await page.click(selector);
  await settled(page);
}

async function select(page: Page, file: string): Promise<void> {
  await page.selectOption('#file', file);
  await page.waitForFunction((f) => document.getElementById('doc-title')?.textContent === f, file);
  await settled(page);
}

/** No console error, page error or unexpected dialog (but for those `expected` names). */
function noProblems(w: Watched, what: string, expected?: RegExp): void {
  assert.equal(w.problems.filter((p) => !expected?.test(p)), [], `${what}: no console error, page error or dialog`);
}

if (browser) {
  test.after(async () => {
    await browser.close();
  });

  test('each article (the seed, a sample, Markdown, HTML): one highlight per finding of --format json; accept all safe fixes = mtlint --fix --stdout', async () => {
    if (!HAS_SHARED) console.log('  (the seed skipped: ../shared is absent)');
    const files = [...(HAS_SHARED ? [SEED] : []), SAMPLE, MD, HTML];
    const server = await startTestServer(files);
    try {
      const w = await open(server);
      w.acceptDialogs = true;
      for (const [i, file] of files.entries()) {
        await select(w.page, file);
        // Leaving an article with accepted fixes not saved asks first.
        assert.is(w.dialogs.length, i, 'one question per article left unsaved');
        if (i > 0) assert.match(w.dialogs[i - 1], /has changes that are not saved/);
        const n = await checkHighlights(w.page, file);
        assert.ok(n > 3, `${file}: findings`);
        await clickAndSettle(w.page, '#accept-safe');
        assert.is(await articleText(w.page), mtlint(['--fix', '--stdout', file]).stdout, `${file}: accept all = --fix`);
        assert.ok(await w.page.isDisabled('#accept-safe'), 'no safe fix left');
      }
      noProblems(w, 'articles');
    } finally {
      await server.close();
    }
  });

  test('reject one suggestion, accept another, save to a copy: the file holds exactly that; a file changed on disk meanwhile is not overwritten', async () => {
    const dir = tempDir('mtlint-serve-save-');
    const file = join(dir, 'article.txt');
    copyFileSync(HAS_SHARED ? SEED : SAMPLE, file);
    chmodSync(file, 0o644); // ../shared is read-only; the copy is the editor's own
    const text = readFileSync(file, 'utf8');
    const found = lint(text);
    const ids = findingIds(text, found);
    const suggestions = found.map((f, i) => ({ f, id: ids[i] })).filter(({ f }) => !f.fix && f.suggestions.length > 0);
    assert.ok(suggestions.length >= 2);
    const [rejected, accepted] = suggestions;
    const server = await startTestServer([file]);
    try {
      const w = await open(server);
      await w.page.click(`#groups .item[data-id="${rejected.id}"]`);
      await clickAndSettle(w.page, '#detail .reject');
      assert.ok(await w.page.$eval(`#groups .item[data-id="${rejected.id}"]`, (b) => b.classList.contains('rejected')));
      await w.page.click(`#groups .item[data-id="${accepted.id}"]`);
      await clickAndSettle(w.page, '#detail .accept');
      const expected = applyEdits(text, [accepted.f.suggestions[0]]).text;
      assert.is(await articleText(w.page), expected);
      // The rejected suggestion is still rejected after the text changed.
      assert.is(await w.page.$$eval('#groups .item.rejected', (l) => l.length), 1);
      // The downloads: the corrected text, and the patch that `git apply` takes (as --format diff).
      const [textDownload] = await Promise.all([w.page.waitForEvent('download'), w.page.click('#download-text')]);
      assert.is(textDownload.suggestedFilename(), 'article.txt');
      assert.is(readFileSync((await textDownload.path())!, 'utf8'), expected);
      const [patchDownload] = await Promise.all([w.page.waitForEvent('download'), w.page.click('#download-patch')]);
      assert.is(patchDownload.suggestedFilename(), 'article.txt.patch');
      const patch = readFileSync((await patchDownload.path())!, 'utf8');
      assert.is(patch, FORMATTERS.diff([{ path: file, text, output: expected, findings: [] }], { color: false, diffContext: 1 }));
      await settled(w.page);
      await clickAndSettle(w.page, '#save');
      assert.is(readFileSync(file, 'utf8'), expected, `saved (alert: ${await w.page.textContent('#alert')})`);
      assert.ok(await w.page.isDisabled('#save'), 'nothing left to save');
      // Someone else edits the file; the editor accepts one more fix and saves.
      writeFileSync(file, 'Edited elsewhere.\n');
      await w.page.keyboard.press('j');
      await w.page.keyboard.press('a');
      await settled(w.page);
      await clickAndSettle(w.page, '#save');
      assert.match(await w.page.textContent('#alert') ?? '', /article\.txt changed on disk since it was opened; not saved/);
      assert.ok(await w.page.isVisible('#alert'));
      assert.is(readFileSync(file, 'utf8'), 'Edited elsewhere.\n');
      // The browser logs the refusal (409) it was given.
      noProblems(w, 'save', /status of 409 \(Conflict\)/);
    } finally {
      await server.close();
    }
  });

  test('keyboard only: tab order, next/previous, accept, reject, undo, accept all, edit', async () => {
    const file = HAS_SHARED ? SEED : SAMPLE;
    const text = readFileSync(file, 'utf8');
    const found = lint(text);
    const ids = findingIds(text, found);
    const server = await startTestServer([file]);
    try {
      const w = await open(server);
      const { page } = w;
      // Tab order: the skip link, the article's controls, the actions, the tabs, the findings.
      const order: string[] = [];
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        order.push(await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          return el.id || (el.classList.contains('item') ? 'item' : el.className || el.tagName);
        }));
      }
      const at = (id: string) => order.indexOf(id);
      assert.equal(order.slice(0, 4), ['skip', 'file', 'paste', 'style'], order.join(' '));
      assert.ok(at('accept-safe') > at('style') && at('edit') > at('accept-safe') && at('tab-findings') > at('download-text') && at('item') > at('tab-findings'), order.join(' '));
      await page.keyboard.press('Escape');
      await page.evaluate(() => (document.activeElement as HTMLElement).blur());
      const detailRule = () => page.textContent('#detail .rule');
      await page.keyboard.press('j');
      assert.is(await detailRule(), found[0].ruleId);
      assert.is(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id), ids[0], 'the list follows');
      await page.keyboard.press('j');
      assert.is(await detailRule(), found[1].ruleId);
      await page.keyboard.press('k');
      assert.is(await detailRule(), found[0].ruleId);
      // Accept the first (a fix), reject the next, undo both.
      assert.ok(found[0].fix);
      await page.keyboard.press('a');
      await settled(page);
      assert.is(await articleText(page), applyEdits(text, [found[0].fix!]).text);
      assert.is(await detailRule(), found[1].ruleId, 'on to the next');
      await page.keyboard.press('r');
      assert.is(await page.$$eval('#groups .item.rejected', (l) => l.length), 1);
      await page.keyboard.press('u');
      assert.is(await page.$$eval('#groups .item.rejected', (l) => l.length), 0);
      await page.keyboard.press('Control+z');
      assert.is(await articleText(page), text, 'both undone');
      // Everything safe at once, then undo it in one step.
      await page.keyboard.press('Shift+A');
      await settled(page);
      assert.is(await articleText(page), mtlint(['--fix', '--stdout', file]).stdout);
      await page.keyboard.press('u');
      assert.is(await articleText(page), text);
      // Edit the text by hand: a re-check finds the edit's finding and forgets the one edited away.
      await page.keyboard.press('e');
      assert.ok(await page.isVisible('#editor'));
      await page.fill('#editor', `${text}\nThey spoke to Russian country television.\n`);
      await page.click('#edit');
      await settled(page);
      assert.ok(await page.isVisible('#article'));
      assert.is(await articleText(page), `${text}\nThey spoke to Russian country television.\n`);
      const rechecked = await marks(page);
      assert.is(Object.keys(rechecked).length, found.length + 1);
      assert.is(await page.textContent('#count-changes'), '1');
      noProblems(w, 'keyboard');
    } finally {
      await server.close();
    }
  });

  test('a hostile article (script tags, onerror=, javascript: links, a hostile file name) shows as text and runs nothing', async () => {
    const dir = tempDir('mtlint-serve-hostile-');
    const IMG = '<img src=x onerror="window.pwned=\'in a mark\'">';
    const body = [
      '<script>window.pwned = "script"</script>',
      '<img src=x onerror="window.pwned=\'onerror\'">',
      '<svg onload="window.pwned=\'svg\'"></svg><iframe src="javascript:parent.pwned=\'iframe\'"></iframe>',
      '<a href="javascript:window.pwned=\'link\'">the Moscow holder</a> and [click](javascript:window.pwned=\'md\')',
      '</mark></span></div><b onmouseover="window.pwned=\'hover\'">Lavrov said the Moscow holder had changed.</b>',
      // Repeated, so that a finding (the duplicate sentence) covers markup: a mark holds it.
      `Sergey Lavrov said Vladimir Putin had ordered the suspension of military operations ${IMG} during the first round of talks, but insisted that nothing had changed.`,
      'He left the room after the meeting.',
      `Lavrov further stated that Vladimir Putin had ordered the suspension of military operations ${IMG} during the first round of talks, but insisted that nothing had changed.`,
      '',
    ].join('\n\n');
    const files = ['hostile.txt', 'hostile.md', 'hostile.html', '<img src=x onerror="window.pwned=1">.txt'].map((name) => {
      writeFileSync(join(dir, name), body);
      return join(dir, name);
    });
    const server = await startTestServer(files);
    try {
      const w = await open(server);
      const { page } = w;
      const check = async (what: string) => {
        assert.is(await articleText(page), body, `${what}: shown literally`);
        if (!what.endsWith('.txt')) assert.ok(await page.$$eval('#article mark', (ms) => ms.some((m) => m.textContent!.includes('<img'))), `${what}: markup inside a mark`);
        const tags = await page.$$eval('#article *', (els) => [...new Set(els.map((e) => e.tagName))]);
        assert.ok(tags.every((t) => t === 'MARK' || t === 'SPAN'), `${what}: only marks in the article (${tags})`);
        await page.hover('#article');
        for (const m of await page.$$('#article mark')) await m.click();
        assert.is(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned), undefined, `${what}: no script ran`);
        assert.equal(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), [], `${what}: nothing even tried`);
        assert.is(page.url(), server.url, `${what}: no navigation`);
      };
      for (const file of files) {
        await select(page, file);
        await check(file);
      }
      assert.is(await page.textContent('#doc-title'), files[3], 'the hostile file name as text');
      // Pasted, as HTML.
      await page.click('#paste');
      await page.selectOption('#paste-format', 'html');
      await page.fill('#paste-text', body);
      await clickAndSettle(page, '#paste-check');
      assert.is(await page.textContent('#doc-title'), 'pasted.html');
      await check('pasted HTML');
      noProblems(w, 'hostile');
    } finally {
      await server.close();
    }
  });

  test('accessibility basics (axe-core, WCAG 2 A and AA): the page, a finding selected, each tab, the paste dialog, a narrow window', async () => {
    const server = await startTestServer([HAS_SHARED ? SEED : SAMPLE]);
    const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    try {
      for (const viewport of [{ width: 1280, height: 800 }, { width: 420, height: 860 }]) {
        const w = await open(server, viewport);
        const { page } = w;
        await page.evaluate(axe);
        const audit = async (what: string) => {
          const r = await page.evaluate(() => (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
          const found = r.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
          assert.equal(found, [], `${viewport.width}px, ${what}`);
        };
        await audit('loaded');
        await page.keyboard.press('j');
        await page.keyboard.press('j');
        await audit('a finding selected');
        await page.keyboard.press('Shift+A');
        await settled(page);
        await page.click('#tab-changes');
        await audit('changes');
        await page.click('#tab-keys');
        await audit('keys');
        await page.click('#paste');
        await audit('paste dialog');
        await page.keyboard.press('Escape');
        if (viewport.width < 900) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `no sideways scrolling at ${viewport.width}px (${overflow}px too wide)`);
        }
        noProblems(w, 'axe');
        await page.close();
      }
    } finally {
      await server.close();
    }
  });

  test('screenshots: the article, a finding selected, the changes, a narrow window (into docs/ with UPDATE_SCREENSHOTS=1)', async () => {
    const out = process.env.UPDATE_SCREENSHOTS && HAS_SHARED ? DOCS : tempDir('mtlint-serve-shots-');
    mkdirSync(out, { recursive: true });
    // Served as `mtlint serve article.txt` would be, from the article's folder.
    const dir = tempDir('mtlint-serve-shots-cwd-');
    const file = 'article.txt';
    copyFileSync(HAS_SHARED ? SEED : SAMPLE, join(dir, file));
    const cwd = process.cwd();
    process.chdir(dir);
    const server = await startTestServer([file]);
    try {
      const w = await open(server);
      const { page } = w;
      const shot = async (name: string) => {
        await page.waitForTimeout(400); // smooth scrolling
        await page.screenshot({ path: join(out, name) });
        assert.ok(readFileSync(join(out, name)).length > 10_000, name);
      };
      await shot('review-page.png');
      const text = readFileSync(file, 'utf8');
      const found = lint(text);
      const pick = found.findIndex((f) => f.ruleId === 'calques/counterpart');
      await page.click(`#groups .item[data-id="${findingIds(text, found)[Math.max(pick, 0)]}"]`);
      await shot('review-finding.png');
      await page.keyboard.press('Escape');
      await clickAndSettle(page, '#accept-safe');
      await page.click('#tab-changes');
      await shot('review-changes.png');
      await page.setViewportSize({ width: 420, height: 860 });
      await page.click('#tab-findings');
      await page.keyboard.press('j');
      await shot('review-narrow.png');
      console.log(`  screenshots in ${out}`);
      noProblems(w, 'screenshots');
    } finally {
      await server.close();
      process.chdir(cwd);
    }
  });

  test('a 50 KB article: every finding highlighted; the time from load to all highlights is printed', async () => {
    const dir = tempDir('mtlint-serve-50k-');
    const file = join(dir, 'long.txt');
    const paragraphs = readFileSync(SAMPLE, 'utf8').trim().split(/\n\n/);
    let text = '';
    for (let i = 0; text.length < 50 * 1024; i++) text += paragraphs[i % paragraphs.length] + '\n\n';
    writeFileSync(file, text);
    const server = await startTestServer([file]);
    try {
      const times: number[] = [];
      let count = 0;
      for (let round = 0; round < 3; round++) {
        const w = await open(server);
        times.push(await w.page.evaluate(() => performance.getEntriesByName('mtlint:highlighted')[0].startTime));
        count = Object.keys(await marks(w.page)).length;
        noProblems(w, '50 KB');
        await w.page.close();
      }
      const expected = lint(text).length;
      assert.is(count, expected);
      times.sort((a, b) => a - b);
      console.log(`  50 KB article (${Math.round(text.length / 1024)} KB, ${expected} findings): load to all highlights ${Math.round(times[1])} ms (median of 3: ${times.map(Math.round).join(', ')} ms)`);
    } finally {
      await server.close();
    }
  });
}

test.run();
