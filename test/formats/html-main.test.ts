// --html-main (issue 19, item 8): on a whole saved page only the article is checked — the site's
// navigation, language picker, ads and footer are not — with positions and fixes exactly those
// of the whole page; the page's <main> when Readability finds no article. On real pages from
// Readability's test suite (../shared/data/news-pages) when present; scripts/html-main.ts
// measures all 32 (docs/reliability.md).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lint } from '../../src/index.js';
import { cli, HAS_SHARED, SHARED, skip, tempDir } from '../helpers.js';

const ARTICLE = [
  'Kyiv and Moscow resumed talks on grain exports on Tuesday, the first meeting of the two delegations since the spring, officials in both capitals said.',
  'Foreign Minister Sergey Lavrov said the Moscow holder had changed since the last round, and that a deal on shipping lanes through the Black Sea was within reach if guarantees were given.',
  'Ukrainian negotiators said they would study the proposal. The the talks are expected to continue in Istanbul next week, with Turkish and United Nations officials taking part.',
  'Diplomats cautioned that earlier rounds had ended without agreement, and that any deal would need the approval of both governments before ships could move.',
];

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Grain talks resume | World News</title></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="lang"><a href="/ru">Русский</a> <a href="/zh">中文</a> <a href="/ar">العربية</a></div></header>
<div class="ad">Advertisement</div>
<div class="promo"><p>Subscribe to our newsletter</p></div>
<article>
<h1>Grain talks resume</h1>
${ARTICLE.map((p) => `<p>${p}</p>`).join('\n')}
</article>
<aside class="share"><p>Share on Facebook Twitter WhatsApp</p></aside>
<footer><p>Leave a Reply</p><p>Cookie settings</p></footer>
</body>
</html>
`;

test('a whole page: with --html-main only the article is checked, at the positions the whole page gives', () => {
  const whole = lint(PAGE, { filename: 'page.html' });
  const main = lint(PAGE, { filename: 'page.html', htmlMain: true });
  assert.ok(whole.some((f) => f.ruleId.startsWith('residue/')) && whole.some((f) => f.ruleId === 'script/foreign-script'), whole.map((f) => f.ruleId).join(' '));
  assert.equal(main.map((f) => [f.ruleId, f.text]), [['calques/position-holder', 'the Moscow holder'], ['repetition/repeated-word', 'The the']]);
  const at = (f: { ruleId: string; start: number; end: number; fix: unknown }) => JSON.stringify([f.ruleId, f.start, f.end, f.fix && { ...(f.fix as object), view: undefined }]);
  const wholeAt = new Set(whole.map(at));
  for (const f of main) assert.ok(wholeAt.has(at(f)), `same place and fix as on the whole page: ${at(f)}`);
});

test('--fix --html-main changes the article only; the site around it keeps every byte', async () => {
  const dir = tempDir('mtlint-main-');
  writeFileSync(join(dir, 'page.html'), PAGE);
  const r = await cli(['--fix', '--html-main', 'page.html'], { cwd: dir });
  assert.is(r.code, 0, r.stdout + r.stderr);
  const expected = PAGE.replace('the Moscow holder', "Moscow's position").replace('The the talks', 'The talks');
  assert.is(readFileSync(join(dir, 'page.html'), 'utf8'), expected);
  const report = await cli(['--html-main', '--format', 'json', 'page.html'], { cwd: dir });
  assert.equal(JSON.parse(report.stdout).files[0].findings, []);
});

test('no article Readability can find: the page\'s <main>; no <main> either: the whole page', () => {
  const short = '<html><body><nav>Leave a Reply</nav><main><p>The the talks went on.</p></main><footer>Share on Facebook Twitter WhatsApp</footer></body></html>';
  assert.equal(lint(short, { format: 'html', htmlMain: true }).map((f) => f.ruleId), ['repetition/repeated-word']);
  const plain = '<html><body><p>Leave a Reply</p><p>The the talks.</p></body></html>';
  assert.equal(lint(plain, { format: 'html', htmlMain: true }).map((f) => f.ruleId), lint(plain, { format: 'html' }).map((f) => f.ruleId));
  // Suppression comments outside the article still count.
  const suppressed = PAGE.replace('<body>', '<body>\n<!-- mtlint-disable repetition/repeated-word -->');
  assert.equal(lint(suppressed, { format: 'html', htmlMain: true }).map((f) => f.ruleId), ['calques/position-holder']);
});

const PAGES = join(SHARED, 'data', 'news-pages');
if (HAS_SHARED && existsSync(PAGES)) {
  test('real pages (BBC, New York Times, Guardian): the site\'s findings gone with --html-main, as on the article alone', () => {
    for (const name of ['bbc-1', 'nytimes-1', 'guardian-1']) {
      const source = readFileSync(join(PAGES, name, 'source.html'), 'utf8');
      const alone = lint(readFileSync(join(PAGES, name, 'expected.html'), 'utf8'), { format: 'html' });
      assert.ok(lint(source, { format: 'html' }).length >= 7, name);
      assert.equal(lint(source, { format: 'html', htmlMain: true }).map((f) => f.ruleId), alone.map((f) => f.ruleId), name);
    }
  });
} else {
  skip('real news pages', `${PAGES} absent`);
}

test.run();
