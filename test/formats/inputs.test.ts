// Each input format against a fixture: the exact line:col and text of every finding (in the file
// the user owns, markup included), the item/record each belongs to, and the source edits that
// `--fix` and `--format diff` (applied with git apply) make — equal to the checked-in `.fixed`
// file. Also: stdin with --stdin-filename, CRLF, feeds that try entity tricks, bad NDJSON.

import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fix, lint } from '../../src/index.js';
import { parseHtml } from '../../src/io/formats/html.js';
import { parseMarkdown } from '../../src/io/formats/markdown.js';
import { mapEdit } from '../../src/io/mapping.js';
import { computeLineStarts, positionAt } from '../../src/text/lines.js';
import { cli, FIXTURES, mtlint, tempDir } from '../helpers.js';

const DIR = join(FIXTURES, 'formats');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');

/** `line:col ruleId "text" [article]` for each finding of the library API. */
function described(source: string, filename: string): string[] {
  const starts = computeLineStarts(source);
  return lint(source, { filename }).map((f) => {
    assert.is(source.slice(f.start, f.end), f.text, 'a finding\'s text is the source slice');
    const p = positionAt(starts, f.start);
    return `${p.line}:${p.column} ${f.ruleId} "${f.text}"${f.article !== undefined ? ` [${f.article}]` : ''}`;
  });
}

/** The library, `--fix` in place and `--format diff` + `git apply` all turn `name` into `fixedName`. */
async function assertFixes(name: string, fixedName: string): Promise<void> {
  const source = read(name);
  const expected = read(fixedName);
  assert.is.not(expected, source);
  assert.is(fix(source, { filename: name }).output, expected, 'library fix');
  const dir = tempDir('mtlint-formats-');
  copyFileSync(join(DIR, name), join(dir, name));
  const diff = (await cli(['--format', 'diff', name], { cwd: dir }));
  assert.is(diff.code, 1);
  writeFileSync(join(dir, 'fix.patch'), diff.stdout);
  const git = spawnSync('git', ['apply', 'fix.patch'], { cwd: dir, encoding: 'utf8' });
  assert.is(git.status, 0, git.stderr);
  assert.is(readFileSync(join(dir, name), 'utf8'), expected, 'the diff applied with git apply');
  // In place, and idempotent: the fixed file has nothing left to fix.
  copyFileSync(join(DIR, name), join(dir, name));
  assert.is((await cli(['--fix', name], { cwd: dir })).code, 0);
  assert.is(readFileSync(join(dir, name), 'utf8'), expected, '--fix in place');
  assert.equal(lint(expected, { filename: name }).filter((f) => f.fix), [], 'nothing left to fix');
}

test('Markdown: prose only (front matter, code, inline code, link targets, URLs, titles skipped); suppression comments', async () => {
  assert.equal(described(read('article.md'), 'article.md'), [
    '8:14 calques/position-holder "the Moscow holder"',
    '17:21 calques/state-media "country television"',
    '17:50 repetition/repeated-word "the the"',
    '29:24 calques/state-media "country media"',
    '30:16 calques/position-holder "the Moscow holder"',
    '32:1 residue/comment-form "Leave a Reply"',
  ]);
  await assertFixes('article.md', 'article.fixed.md');
});

test('Markdown: CRLF line endings and escapes map back exactly', async () => {
  const md = read('article.md').replace(/\n/g, '\r\n');
  const found = lint(md, { filename: 'a.md' });
  assert.is(found.length, 6);
  for (const f of found) assert.is(md.slice(f.start, f.end), f.text);
  assert.is(fix(md, { filename: 'a.md' }).output, read('article.fixed.md').replace(/\n/g, '\r\n'));
  const escaped = 'Lavrov said the Moscow holder \\*really\\* had changed &mdash; the the end.\n';
  assert.equal(lint(escaped, { format: 'markdown' }).map((f) => [f.start, f.text]), [[12, 'the Moscow holder'], [61, 'the the']]);
});

test('Markdown: replacement text is escaped for Markdown', async () => {
  const src = 'One *two* three.\n';
  const { articles } = parseMarkdown(src);
  const a = articles[0];
  // "One two three." — replace "three" (checked 8..13) with "[x]_y".
  assert.equal(mapEdit({ start: 8, end: 13, text: '[x]_y' }, a.map!, a.blocks, src), { start: 10, end: 15, text: '\\[x\\]\\_y' });
  // An edit that would cross the emphasis markup is refused, not applied wrongly.
  assert.is(mapEdit({ start: 3, end: 5, text: 'X' }, a.map!, a.blocks, src), null);
});

test('HTML: text decoded from entities, pre/script/style/code/attributes skipped, fixes written back into the markup', async () => {
  assert.equal(described(read('article.html'), 'article.html'), [
    '5:20 calques/position-holder "the Moscow holder"',
    '10:16 calques/position-holder "the Moscow&nbsp;holder"',
    '11:24 calques/state-media "country television"',
    '14:63 calques/state-media "country&#32;media"',
    '17:4 repetition/repeated-word "The the"',
    '18:4 residue/comment-form "Leave a Reply"',
  ]);
  await assertFixes('article.html', 'article.fixed.html');
});

test('HTML: replacement text is entity-encoded; an edit inside one entity keeps it whole', async () => {
  const src = '<p>Tom &amp; Jerry&#8217;s show</p>';
  const { articles } = parseHtml(src);
  const m = articles[0].map!;
  assert.is(m.text.trim(), 'Tom & Jerry’s show');
  assert.equal(mapEdit({ start: 0, end: 3, text: 'A<B' }, m, [], src), { start: 3, end: 6, text: 'A&lt;B' });
  assert.equal(mapEdit({ start: 11, end: 12, text: "'" }, m, [], src), { start: 18, end: 25, text: "'" });
});

test('RSS 2.0: each item is an article (title + HTML content), reported under its guid or link', async () => {
  assert.equal(described(read('feed.rss'), 'feed.rss'), [
    '11:42 calques/position-holder "the Moscow holder" [talks-1]',
    '14:43 repetition/repeated-word "the the" [https://news.example/tv]',
    '17:52 calques/state-media "country television" [https://news.example/tv]',
    '17:118 residue/comment-form "Leave a Reply" [https://news.example/tv]',
  ]);
  await assertFixes('feed.rss', 'feed.fixed.rss');
});

test('Atom: html and xhtml content, reported under the entry id or alternate link', async () => {
  assert.equal(described(read('feed.atom'), 'feed.atom'), [
    '7:31 calques/position-holder "the Moscow holder" [urn:uuid:entry-1]',
    '11:55 calques/state-media "country television" [urn:uuid:entry-1]',
    '17:72 repetition/repeated-word "The the" [https://news.example/a2]',
    '17:100 calques/state-media "country media" [https://news.example/a2]',
  ]);
  await assertFixes('feed.atom', 'feed.fixed.atom');
});

test('feeds: entity declarations (expansion bombs, external entities) are refused; undeclared entities are an error; nothing is fetched', async () => {
  const dir = tempDir('mtlint-formats-');
  for (const name of ['bomb.rss', 'xxe.rss', 'undeclared.rss']) copyFileSync(join(DIR, name), join(dir, name));
  const r1 = (await cli(['bomb.rss'], { cwd: dir }));
  assert.is(r1.code, 2);
  assert.is(r1.stderr, "mtlint: bomb.rss: the feed's DOCTYPE declares entities; refused (mtlint never expands DTD entities)\n");
  const r = (await cli(['undeclared.rss'], { cwd: dir }));
  assert.is(r.code, 2);
  assert.is(r.stderr, 'mtlint: undeclared.rss:3:72: not well-formed XML: undefined entity.\n');
  assert.throws(() => lint(read('xxe.rss'), { filename: 'xxe.rss' }), /^xxe\.rss: the feed's DOCTYPE declares entities/);
});

test('a feed is detected by content when the extension says nothing', async () => {
  const rss = read('feed.rss');
  assert.is(lint(rss, { filename: 'feed' }).length, 4);
  assert.is(lint(rss, { format: 'auto' }).length, 4);
  assert.is(lint(rss).length > 0, true, 'plain text without a filename');
});

test('NDJSON: one article per record, positions in the line, fixes written as JSON string content', async () => {
  assert.equal(described(read('records.ndjson'), 'records.ndjson'), [
    '1:32 calques/position-holder "the Moscow holder" [a1]',
    '1:64 residue/comment-form "Leave a Reply" [a1]',
    '3:70 calques/state-media "country television" [2]',
    '3:90 repetition/repeated-word "The the" [2]',
  ]);
  await assertFixes('records.ndjson', 'records.fixed.ndjson');
  for (const line of read('records.fixed.ndjson').split('\n').filter(Boolean)) JSON.parse(line);
});

test('NDJSON: bad records are named with file and line (the other records checked: test/file-errors.test.ts), exit 2', async () => {
  const dir = tempDir('mtlint-formats-');
  const cases: [string, string][] = [
    ['{"id":1,"text":"ok"}\n{"id":2,"text":"x"\n', 'bad.ndjson:2: not valid JSON'],
    ['{"id":1,"body":"no text"}\n', 'bad.ndjson:1: expected a string "text"'],
    ['[1,2]\n', 'bad.ndjson:1: expected an object'],
  ];
  for (const [content, message] of cases) {
    writeFileSync(join(dir, 'bad.ndjson'), content);
    // The streaming reader (--format ndjson) and the whole-file reader say the same.
    const r = (await cli(['--format', 'ndjson', 'bad.ndjson'], { cwd: dir }));
    assert.is(r.code, 2, content);
    assert.ok(r.stderr.startsWith(`mtlint: ${message}`), r.stderr);
    assert.is(r.stderr.trim().split('\n').length, 1);
    const [where, why] = [message.slice(0, message.indexOf(': ')), message.slice(message.indexOf(': ') + 2)];
    const line = Number(where.split(':')[1]);
    const errorLine = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l)).find((l) => l.error !== undefined);
    assert.equal([errorLine.path, errorLine.line, errorLine.error.startsWith(why)], ['bad.ndjson', line, true], r.stdout);
    const stylish = await cli(['bad.ndjson'], { cwd: dir });
    assert.is(stylish.code, 2, content);
    assert.ok(stylish.stdout.includes(`  ${where}  error    ${why}`), stylish.stdout);
    // The library throws, unless told where errors go.
    assert.throws(() => lint(content, { filename: 'bad.ndjson' }), (e: Error) => e.message.startsWith(message));
    const told: unknown[] = [];
    lint(content, { filename: 'bad.ndjson', onError: (e) => told.push(e) });
    assert.is(told.length, 1);
  }
});

test('stdin: --stdin-filename picks the input format and the path shown; --input-format overrides', async () => {
  const md = read('article.md');
  const r = mtlint(['--format', 'json', '--stdin-filename', 'docs/article.md', '-'], { input: md });
  const file = JSON.parse(r.stdout).files[0];
  assert.is(file.path, 'docs/article.md');
  assert.equal(file.findings.map((f: { line: number; column: number }) => `${f.line}:${f.column}`), ['8:14', '17:21', '17:50', '29:24', '30:16', '32:1']);
  const fixed = mtlint(['--fix', '--stdin-filename', 'article.md', '-'], { input: md });
  assert.is(fixed.stdout, read('article.fixed.md'));
  // The same text read as plain text: the code block and the link target are checked too.
  const plain = mtlint(['--format', 'json', '--input-format', 'text', '--stdin-filename', 'docs/article.md', '-'], { input: md });
  assert.ok(JSON.parse(plain.stdout).files[0].findings.length > 6);
  const rss = mtlint(['--format', 'json', '--stdin-filename', 'feed.rss', '-'], { input: read('feed.rss') });
  assert.equal(JSON.parse(rss.stdout).files[0].findings.map((f: { article: string }) => f.article), ['talks-1', 'https://news.example/tv', 'https://news.example/tv', 'https://news.example/tv']);
});

test('a directory is searched for every input format (an .xml file only if it is a feed)', async () => {
  const dir = tempDir('mtlint-formats-');
  for (const name of ['article.md', 'article.html', 'feed.rss', 'feed.atom', 'records.ndjson']) copyFileSync(join(DIR, name), join(dir, name));
  writeFileSync(join(dir, 'pom.xml'), '<project><name>the Moscow holder</name></project>\n');
  copyFileSync(join(DIR, 'feed.rss'), join(dir, 'news.xml'));
  const data = JSON.parse((await cli(['--format', 'json', '.'], { cwd: dir })).stdout);
  assert.equal(data.files.map((f: { path: string }) => f.path), ['article.html', 'article.md', 'feed.atom', 'feed.rss', 'news.xml', 'records.ndjson']);
  assert.equal(data.files.map((f: { findings: unknown[] }) => f.findings.length), [6, 6, 4, 4, 4, 4]);
});

test('edge cases: tables, nested quotes, CRLF feeds and NDJSON, legacy entities, fixes refused across markup', () => {
  const cases: [string, string, string][] = [
    ['table.md', '| a | b |\n|---|---|\n| the Moscow holder | Russian country television |\n', "| a | b |\n|---|---|\n| Moscow's position | Russian state television |\n"],
    ['setext.md', 'The the title\n=====\n\n1. item\n   > quoted the Moscow holder\n', "The title\n=====\n\n1. item\n   > quoted Moscow's position\n"],
    ['esc.md', 'A \\[the Moscow holder\\] and *the* the `x` end.\n', "A \\[Moscow's position\\] and *the* `x` end.\n"],
    ['nbsp.html', '<p>the Moscow&nbsp holder &amp the the end</p>', "<p>Moscow's position &amp the end</p>"],
    ['inline.html', '<p>the <em>Moscow</em> holder and the the</p>', '<p>the <em>Moscow</em> holder and the</p>'],
    [
      'crlf.rss',
      '<?xml version="1.0"?>\r\n<rss version="2.0"><channel>\r\n<item><title>The the</title>\r\n<description>&lt;p&gt;the Moscow holder&lt;/p&gt;\r\nmore</description></item></channel></rss>\r\n',
      '<?xml version="1.0"?>\r\n<rss version="2.0"><channel>\r\n<item><title>The</title>\r\n<description>&lt;p&gt;Moscow\'s position&lt;/p&gt;\r\nmore</description></item></channel></rss>\r\n',
    ],
    ['crlf.ndjson', '{"id":"a","text":"The the end."}\r\n{"id":"b","text":"the Moscow holder"}\r\n', '{"id":"a","text":"The end."}\r\n{"id":"b","text":"Moscow\'s position"}\r\n'],
    ['t.atom', '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e1</id><title type="html">&lt;b&gt;The the&lt;/b&gt; talks</title></entry></feed>', '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e1</id><title type="html">&lt;b&gt;The&lt;/b&gt; talks</title></entry></feed>'],
  ];
  for (const [name, src, expected] of cases) {
    const found = lint(src, { filename: name });
    assert.ok(found.length > 0, name);
    for (const f of found) assert.is(src.slice(f.start, f.end), f.text, name);
    const out = fix(src, { filename: name }).output;
    assert.is(out, expected, name);
    assert.is(fix(out, { filename: name }).output, out, `${name}: idempotent`);
  }
  // The calque across <em> is reported, without a fix (it would have to cross the markup).
  assert.equal(lint('<p>the <em>Moscow</em> holder</p>', { format: 'html' }).map((f) => [f.text, f.fix]), [['the <em>Moscow</em> holder', null]]);
});

test.run();
