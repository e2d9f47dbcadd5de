// The review server through a plain HTTP client: its JSON API gives the CLI's findings, fixes and
// patches; and what keeps it safe — the Host check (DNS rebinding), the token, JSON only, the body
// limit, the Content-Security-Policy, only the files named on the command line — each refuses
// what it must. Also `mtlint serve` itself: the URL it prints, --host's warning, usage errors.

import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { applyEdits, FORMATTERS, lint } from '../src/index.js';
import { KEYS } from '../src/serve/page-html.js';
import { ENDPOINTS } from '../src/serve/server.js';
import type { ApiFinding, FixResponse, LintResponse, OpenResponse } from '../src/serve/types.js';
import { BIN, HAS_SHARED, mtlint, ROOT, SHARED, tempDir } from './helpers.js';
import { http, startTestServer, type TestServer } from './serve-helpers.js';

const SAMPLE = join(ROOT, 'samples', 'ceasefire-talks.txt');
const SEED = join(SHARED, 'seed', 'article.txt');
const TALKS = 'Talks between Vladimir Putin and his colleague Ukraine Volodymyr Zelskyy looked promising.\n\nLavrov said the Moscow holder had changed.\n';

let server: TestServer;
test.before(async () => {
  server = await startTestServer([SAMPLE]);
});
test.after(async () => {
  await server.close();
});

const strip = (findings: ApiFinding[]) => findings.map(({ id: _id, previousId: _p, ...rest }) => rest);

test('the page: a Content-Security-Policy, no inline script or style, nothing from elsewhere, the token in a meta tag', async () => {
  const r = await http(server.port, '/');
  assert.is(r.status, 200);
  const csp = String(r.headers['content-security-policy']);
  for (const d of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"]) assert.ok(csp.includes(d), csp);
  assert.not.match(csp, /unsafe-inline|unsafe-eval|\*/);
  assert.is(r.headers['x-content-type-options'], 'nosniff');
  const html = r.text;
  assert.ok(html.includes(`<meta name="mtlint-token" content="${server.token}">`));
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) assert.match(tag, /\bsrc="\/page\.js"/, tag);
  assert.not.match(html, /<script\b[^>]*>[^<]/, 'no inline script');
  assert.not.match(html, /\sstyle=|<style/i, 'no inline style');
  assert.not.match(html, /(?:src|href)="(?![/#])/, 'every asset from this server');
  for (const asset of ['/page.js', '/page.css']) {
    const a = await http(server.port, asset);
    assert.is(a.status, 200, asset);
    assert.ok(a.text.length > 1000, asset);
  }
  assert.not.match((await http(server.port, '/page.css')).text, /url\(|@import/, 'the style loads nothing');
  assert.is((await http(server.port, '/nothing')).status, 404);
});

test('POST /api/lint: the findings of --format json, each with an id', async () => {
  const text = readFileSync(SAMPLE, 'utf8');
  const r = await server.api<LintResponse>('/api/lint', { text, filename: 'samples/ceasefire-talks.txt' });
  assert.is(r.status, 200);
  const cli = JSON.parse(mtlint(['--format', 'json', 'samples/ceasefire-talks.txt']).stdout);
  assert.ok(cli.files[0].findings.length > 3);
  assert.equal(strip(r.body.files[0].findings), cli.files[0].findings);
  assert.is(r.body.format, 'text');
  const ids = r.body.files[0].findings.map((f) => f.id);
  assert.is(new Set(ids).size, ids.length, 'ids are distinct');
  // Markdown by the file name: positions in the source.
  const md = '# Talks\n\nRussian *country television* said `the the`.\n';
  const m = await server.api<LintResponse>('/api/lint', { text: md, filename: 'a.md' });
  assert.is(m.body.format, 'markdown');
  assert.equal(strip(m.body.files[0].findings).map((f) => [f.ruleId, f.start, f.end]), lint(md, { filename: 'a.md' }).map((f) => [f.ruleId, f.start, f.end]));
});

test('POST /api/fix by id: that finding\'s edit only; the others keep their ids as previousId', async () => {
  const before = (await server.api<LintResponse>('/api/lint', { text: TALKS })).body.files[0].findings;
  const zel = before.find((f) => f.text === 'Zelskyy')!;
  const counterpart = before.find((f) => f.ruleId === 'calques/counterpart')!;
  const holder = before.find((f) => f.ruleId === 'calques/position-holder')!;
  const r = await server.api<FixResponse>('/api/fix', { text: TALKS, ids: [zel.id] });
  assert.is(r.status, 200);
  assert.is(r.body.text, applyEdits(TALKS, [zel.fix!]).text);
  assert.equal(r.body.applied, [zel.id]);
  assert.equal(r.body.changed, [{ start: zel.start, end: zel.start + 'Zelenskyy'.length }]);
  const after = r.body.files[0].findings;
  assert.is(after.find((f) => f.ruleId === 'calques/position-holder')!.previousId, holder.id);
  // The counterpart finding's context changed (its id with it); previousId still names it.
  const c = after.find((f) => f.ruleId === 'calques/counterpart')!;
  assert.is.not(c.id, counterpart.id);
  assert.is(c.previousId, counterpart.id);
  assert.not.ok(after.some((f) => f.ruleId.startsWith('names/')));
  assert.match(r.body.patch, /^diff --git a\/text b\/text\n/);
  assert.match(r.body.patch, /^-.*Zelskyy/m);
  // A suggestion by its number; a report or an unknown id is refused.
  const s = await server.api<FixResponse>('/api/fix', { text: TALKS, ids: [{ id: counterpart.id, suggestion: 0 }] });
  assert.ok(s.body.text.includes('his Ukrainian counterpart Volodymyr Zelskyy'), s.text);
  assert.is((await server.api('/api/fix', { text: TALKS, ids: ['nope'] })).status, 409);
  assert.is((await server.api('/api/fix', { text: TALKS, ids: [{ id: counterpart.id, suggestion: 3 }] })).status, 400);
  const report = 'He said “no.\n';
  const q = (await server.api<LintResponse>('/api/lint', { text: report })).body.files[0].findings[0];
  assert.is(q.fix, null);
  const refused = await server.api<{ error: string }>('/api/fix', { text: report, ids: [q.id] });
  assert.is(refused.status, 409);
  assert.match(refused.body.error, /has no fix/);
});

test('POST /api/fix with a level: the text of mtlint --fix --stdout (the sample, and the seed when ../shared is there)', async () => {
  const files = [SAMPLE, ...(HAS_SHARED ? [SEED] : [])];
  if (!HAS_SHARED) console.log('  (seed part skipped: ../shared is absent)');
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const r = await server.api<FixResponse>('/api/fix', { text, level: 'safe' });
    const cli = mtlint(['--fix', '--stdout', file]).stdout;
    assert.is(r.body.text, cli, file);
    assert.ok(r.body.applied.length > 2, file);
    const suggest = await server.api<FixResponse>('/api/fix', { text, level: 'suggest' });
    assert.is(suggest.body.text, mtlint(['--fix', '--fix-level', 'suggest', '--stdout', file]).stdout, file);
  }
  assert.is((await server.api('/api/fix', { text: 'x', level: 'all' })).status, 400);
  assert.is((await server.api('/api/fix', { text: 'x' })).status, 400);
});

test('POST /api/diff: the patch of --format diff, which git apply takes', async () => {
  const dir = tempDir('mtlint-serve-diff-');
  const text = readFileSync(SAMPLE, 'utf8');
  const fixed = (await server.api<FixResponse>('/api/fix', { text, level: 'safe' })).body.text;
  const r = await server.api<{ patch: string }>('/api/diff', { original: text, text: fixed, filename: 'story.txt' });
  assert.is(r.body.patch, FORMATTERS.diff([{ path: 'story.txt', text, output: fixed, findings: [] }], { color: false, diffContext: 1 }));
  writeFileSync(join(dir, 'story.txt'), text);
  writeFileSync(join(dir, 's.patch'), r.body.patch);
  const git = spawnSync('git', ['apply', 's.patch'], { cwd: dir, encoding: 'utf8' });
  assert.is(git.status, 0, git.stderr);
  assert.is(readFileSync(join(dir, 'story.txt'), 'utf8'), fixed);
});

test('the Host header must name this server (DNS rebinding), on the page and the API', async () => {
  for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, `localhost.evil.example:${server.port}`]) {
    const page = await http(server.port, '/', { headers: { Host: host } });
    assert.is(page.status, 403, host);
    assert.not.ok(page.text.includes(server.token), 'no token given away');
    const api = await http(server.port, '/api/files', { method: 'POST', headers: { Host: host, 'Content-Type': 'application/json', 'X-Mtlint-Token': server.token }, body: '{}' });
    assert.is(api.status, 403, host);
  }
  for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `LOCALHOST:${server.port}`, `[::1]:${server.port}`]) {
    assert.is((await http(server.port, '/', { headers: { Host: host } })).status, 200, host);
  }
});

test('the API takes only POSTed JSON with the token, from this origin, and no body over the limit', async () => {
  const json = { 'Content-Type': 'application/json' };
  const body = JSON.stringify({ text: 'the Moscow holder' });
  const status = async (headers: Record<string, string>, b = body, method = 'POST') => (await http(server.port, '/api/lint', { method, headers, body: b })).status;
  assert.is(await status(json), 403, 'no token');
  assert.is(await status({ ...json, 'X-Mtlint-Token': 'x'.repeat(server.token.length) }), 403, 'wrong token');
  assert.is(await status({ ...json, 'X-Mtlint-Token': server.token.slice(1) }), 403, 'shorter token');
  const token = { 'X-Mtlint-Token': server.token };
  // What a cross-site form can send: not JSON.
  assert.is(await status({ ...token, 'Content-Type': 'application/x-www-form-urlencoded' }, 'text=x'), 415);
  assert.is(await status({ ...token, 'Content-Type': 'text/plain' }), 415);
  assert.is(await status({ ...token, ...json, Origin: 'http://evil.example' }), 403, 'another origin');
  assert.is(await status({ ...token, ...json, Origin: `http://127.0.0.1:${server.port}` }), 200, 'this origin');
  assert.is(await status({ ...token, ...json }, '{"text": '), 400, 'bad JSON');
  assert.is(await status({ ...token, ...json }, '[1]'), 400, 'not an object');
  assert.is(await status({ ...token, ...json }, undefined, 'GET'), 405);
  assert.is(await status({ ...token, ...json }), 200);

  const small = await startTestServer([], { maxBytes: 1000 });
  try {
    const headers = { ...json, 'X-Mtlint-Token': small.token };
    const big = JSON.stringify({ text: 'a'.repeat(2000) });
    const declared = await http<{ error: string }>(small.port, '/api/lint', { method: 'POST', headers, body: big });
    assert.is(declared.status, 413);
    assert.match(declared.body.error, /larger than the limit \(1000 bytes/);
    // Streamed without a length: counted as it comes.
    const streamed = await http(small.port, '/api/lint', { method: 'POST', headers: { ...headers, 'Transfer-Encoding': 'chunked' }, body: big });
    assert.is(streamed.status, 413);
    assert.is((await http(small.port, '/api/lint', { method: 'POST', headers, body: JSON.stringify({ text: 'a'.repeat(900) }) })).status, 200);
  } finally {
    await small.close();
  }
});

test('only the files named on the command line are read or written', async () => {
  const dir = tempDir('mtlint-serve-paths-');
  const outside = tempDir('mtlint-serve-outside-');
  const named = join(dir, 'a.txt');
  const secret = join(outside, 'secret.txt');
  writeFileSync(named, TALKS);
  writeFileSync(secret, 'the Moscow holder is a secret\n');
  symlinkSync(secret, join(dir, 'link.txt'));
  const s = await startTestServer([named]);
  try {
    const files = (await s.api<{ files: { path: string }[] }>('/api/files', {})).body.files;
    assert.equal(files.map((f) => f.path), [named]);
    const ok = await s.api<OpenResponse>('/api/open', { path: named });
    assert.is(ok.status, 200);
    assert.is(ok.body.text, TALKS);
    for (const path of ['../a.txt', 'a.txt', secret, '/etc/passwd', join(dir, 'link.txt'), join(dir, '.', 'a.txt').replace('a.txt', './a.txt'), `${dir}/../${dir.split('/').pop()}/a.txt`]) {
      const r = await s.api<{ error: string }>('/api/open', { path });
      assert.is(r.status, 403, path);
      assert.match(r.body.error, /not one of the files/, path);
      assert.is((await s.api('/api/save', { path, text: 'x', revision: ok.body.revision })).status, 403, path);
    }
    // The named file replaced by a link that leads out: refused, and the other file untouched.
    renameSync(named, join(dir, 'old.txt'));
    symlinkSync(secret, named);
    const swapped = await s.api<{ error: string }>('/api/open', { path: named });
    assert.is(swapped.status, 403);
    assert.match(swapped.body.error, /no longer the file/);
    assert.is((await s.api('/api/save', { path: named, text: 'overwritten', revision: ok.body.revision })).status, 403);
    assert.is(readFileSync(secret, 'utf8'), 'the Moscow holder is a secret\n');
  } finally {
    await s.close();
  }
});

test('saving: atomic, the file\'s BOM and CRLF kept; refused with a clear message when the file changed on disk', async () => {
  const dir = tempDir('mtlint-serve-save-');
  const file = join(dir, 'story.txt');
  const original = '\ufeffLavrov said the Moscow holder had changed.\r\nLeave a Reply\r\n';
  writeFileSync(file, original);
  const s = await startTestServer([file]);
  try {
    const opened = (await s.api<OpenResponse>('/api/open', { path: file })).body;
    assert.is(opened.bom, true);
    assert.is(opened.text, original.slice(1), 'the text without its BOM');
    const fixed = (await s.api<FixResponse>('/api/fix', { text: opened.text, level: 'safe', filename: file })).body.text;
    assert.is(fixed, "Lavrov said Moscow's position had changed.\r\n");
    const saved = await s.api<{ revision: string }>('/api/save', { path: file, text: fixed, revision: opened.revision });
    assert.is(saved.status, 200);
    assert.equal(readFileSync(file), Buffer.from("\ufeffLavrov said Moscow's position had changed.\r\n"));
    assert.is.not(saved.body.revision, opened.revision);
    // The revision from before the save is stale now.
    const stale = await s.api<{ error: string }>('/api/save', { path: file, text: 'x', revision: opened.revision });
    assert.is(stale.status, 409);
    // Someone else saves the file: ours is refused, theirs kept.
    writeFileSync(file, 'Edited elsewhere.\n');
    const conflict = await s.api<{ error: string }>('/api/save', { path: file, text: 'mine', revision: saved.body.revision });
    assert.is(conflict.status, 409);
    assert.match(conflict.body.error, /changed on disk since it was opened; not saved/);
    assert.is(readFileSync(file, 'utf8'), 'Edited elsewhere.\n');
  } finally {
    await s.close();
  }
});

/** Starts `mtlint serve ARGS`, waits for its first line of output (or its end). */
function startCli(args: string[]): Promise<{ line: string; stderr: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c));
  const ended = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve) => {
    const done = () => resolve({ line: out.split('\n')[0], stderr: err, stop: () => (child.kill('SIGTERM'), ended) });
    child.stdout.on('data', (c: Buffer) => {
      out += c;
      if (out.includes('\n')) done();
    });
    void ended.then(done);
  });
}

test('mtlint serve: prints its URL, serves the page, stops on SIGTERM with exit 0', async () => {
  const run = await startCli(['--port', '0', 'samples/ceasefire-talks.txt']);
  const m = /^mtlint serve: http:\/\/127\.0\.0\.1:(\d+)\/ {2}\(1 file; Ctrl\+C stops\)$/.exec(run.line);
  assert.ok(m, run.line + run.stderr);
  assert.is(run.stderr, '');
  const page = await http(Number(m![1]), '/');
  assert.is(page.status, 200);
  assert.is(await run.stop(), 0);
});

test('mtlint serve chooses rules as the lint command does (--disable-rule, --style)', async () => {
  const run = await startCli(['--port', '0', '--disable-rule', 'calques', '--style', 'ap', 'samples/ceasefire-talks.txt']);
  try {
    const port = Number(/:(\d+)\//.exec(run.line)![1]);
    const page = await http(port, '/');
    const token = /name="mtlint-token" content="([^"]+)"/.exec(page.text)![1];
    const headers = { 'Content-Type': 'application/json', 'X-Mtlint-Token': token };
    const text = readFileSync(SAMPLE, 'utf8') + '\nZelensky met Zelensky and Zelenskyy in Kiev.\n';
    const served = await http<LintResponse>(port, '/api/lint', { method: 'POST', headers, body: JSON.stringify({ text }) });
    const dir = tempDir('mtlint-serve-rules-');
    writeFileSync(join(dir, 'a.txt'), text);
    const cli = JSON.parse(mtlint(['--format', 'json', '--disable-rule', 'calques', '--style', 'ap', join(dir, 'a.txt')]).stdout).files[0].findings;
    assert.equal(strip(served.body.files[0].findings), cli);
    assert.not.ok(cli.some((f: { ruleId: string }) => f.ruleId.startsWith('calques/')));
    assert.ok(cli.some((f: { ruleId: string }) => f.ruleId === 'styles/ap'), 'the house style applies');
    const files = await http<{ style: string }>(port, '/api/files', { method: 'POST', headers, body: '{}' });
    assert.is(files.body.style, 'ap');
  } finally {
    assert.is(await run.stop(), 0);
  }
});

test('mtlint serve --host 0.0.0.0 warns on stderr; usage errors exit 2 with one line', async () => {
  const run = await startCli(['--host', '0.0.0.0', '--port', '0']);
  assert.match(run.stderr, /^mtlint: warning: serving on 0\.0\.0\.0, not only this machine/);
  assert.match(run.line, /^mtlint serve: http:\/\/127\.0\.0\.1:\d+\//);
  assert.is(await run.stop(), 0);
  for (const [args, re] of [
    [['-'], /standard input/],
    [['--port', 'x'], /--port takes a whole number/],
    [['--bogus'], /serve: Unknown option '--bogus'/],
    [['--style', 'nyt'], /no house style named nyt/],
    [['missing.txt'], /missing\.txt/],
  ] as [string[], RegExp][]) {
    const r = mtlint(['serve', ...args]);
    assert.is(r.code, 2, args.join(' '));
    assert.match(r.stderr, re);
    assert.is(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  }
});

test('the README documents every endpoint and every key of the page, and shows the screenshots', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Review page'), readme.indexOf('## Library'));
  assert.ok(ENDPOINTS.length >= 6);
  for (const e of ENDPOINTS) assert.ok(section.includes(`| \`${e}\` |`), e);
  for (const [key, what] of KEYS) assert.ok(section.includes(`| ${key.split(/( or | – )/).map((p, i) => (i % 2 ? p : `\`${p}\``)).join('')} | ${what} |`), key);
  for (const png of section.match(/docs\/[\w-]+\.png/g) ?? []) assert.ok(readFileSync(join(ROOT, png)).length > 10_000, png);
  assert.ok((section.match(/docs\/[\w-]+\.png/g) ?? []).length >= 3);
});

test.run();
