// Hostile and broken input, end to end through the built command line: each case gets one clear
// line on stderr and exit code 2 (or, where the input is fine after all, a normal run; or, among
// several inputs, a file error in the report and exit 2 at the end), and nothing is written: every file in the folder keeps its bytes and mode, and no temporary file
// is left behind. docs/reliability.md lists these cases with the behaviour each test proves.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, constants, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BIN, cli, mtlint, tempDir, type RunResult } from './helpers.js';

const ARTICLE = 'Lavrov said the Moscow holder had changed.\n\nHe spoke to Russian country television.\n\nLeave a Reply\n';
const FIXED = "Lavrov said Moscow's position had changed.\n\nHe spoke to Russian state television.\n";

/** Every entry under `dir`: its kind, mode and content hash. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      const key = rel + name;
      if (st.isDirectory()) {
        out[key] = `dir ${(st.mode & 0o7777).toString(8)}`;
        walk(p, key + '/');
      } else if (st.isFile()) {
        out[key] = `file ${(st.mode & 0o7777).toString(8)} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`;
      } else out[key] = 'other';
    }
  };
  walk(dir, '');
  return out;
}

/** Exit 2, one line on stderr naming the problem. */
function refuses(r: RunResult, re: RegExp, what: string): void {
  assert.is(r.code, 2, `${what}: exit code (stderr: ${r.stderr})`);
  assert.match(r.stderr, re, what);
  assert.match(r.stderr, /^mtlint: /, what);
  assert.is(r.stderr.trimEnd().split('\n').length, 1, `${what}: one line: ${r.stderr}`);
}

/** Among several inputs: exit 2, the file's error in the report (stdout), nothing on stderr. */
function reportsFileError(r: RunResult, re: RegExp, what: string): void {
  assert.is(r.code, 2, `${what}: exit code (stderr: ${r.stderr})`);
  assert.match(r.stdout, re, what);
  assert.match(r.stdout, /✖ 1 file error\n$/, what);
  assert.is(r.stderr, '', what);
}

/**
 * Runs `mtlint args` in `dir` and checks that nothing in `dir` changed: in this process (the same
 * main() as bin/mtlint.cjs, without the start-up cost), or as a child process when it needs its
 * own environment or node options.
 */
async function untouched(dir: string, args: string[], opts: { env?: NodeJS.ProcessEnv; node?: string[] } = {}): Promise<RunResult> {
  const before = snapshot(dir);
  const r = opts.node ? runNode(opts.node, args, dir) : opts.env ? mtlint(args, { cwd: dir, env: opts.env }) : await cli(args, { cwd: dir });
  assert.equal(snapshot(dir), before, `nothing written by mtlint ${args.join(' ')}`);
  return r;
}

/** mtlint under a node with these options (a memory cap), with a generous guard against hanging. */
function runNode(nodeArgs: string[], args: string[], cwd: string): RunResult {
  const r = spawnSync(process.execPath, [...nodeArgs, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 1 << 28,
    timeout: 300_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function folder(files: Record<string, string | Buffer>): string {
  const dir = tempDir('mtlint-hostile-');
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}

test('a missing path: one line, exit 2', async () => {
  const dir = folder({ 'a.txt': ARTICLE });
  refuses(await untouched(dir, ['--fix', 'a.txt', 'missing.txt']), /missing\.txt: no such file or directory/, 'missing path');
  refuses(await untouched(dir, ['--fix', 'nothing/*.txt']), /no files match this pattern/, 'glob matching nothing');
});

test('a directory with no files mtlint reads: one line, exit 2', async () => {
  const dir = folder({ 'docs/photo.jpg': Buffer.from([0xff, 0xd8, 0xff]), 'docs/sub/notes.docx': 'x', 'docs/.hidden.txt': ARTICLE });
  refuses(await untouched(dir, ['--fix', 'docs']), /docs: no \.txt, .* files in this directory/, 'empty directory');
});

test('a binary file (NUL bytes) is refused, and never written', async () => {
  const dir = folder({ 'b.txt': Buffer.concat([Buffer.from('the the Moscow holder '), Buffer.from([0, 1, 2, 0])]) });
  refuses(await untouched(dir, ['--fix', 'b.txt']), /b\.txt: binary file \(contains NUL bytes\), not checked/, 'binary');
  // UTF-16 without a BOM is indistinguishable from binary: refused the same way.
  const dir2 = folder({ 'u.txt': Buffer.from('the the talks\n', 'utf16le') });
  refuses(await untouched(dir2, ['--fix', 'u.txt']), /u\.txt: binary file/, 'UTF-16 without BOM');
});

test('invalid UTF-8 is refused and the file is never written back', async () => {
  const bad: Record<string, Buffer> = {
    'truncated.txt': Buffer.concat([Buffer.from('the the talks '), Buffer.from([0xc3])]),
    'lone-continuation.txt': Buffer.concat([Buffer.from('the the '), Buffer.from([0x80, 0x41])]),
    'overlong.txt': Buffer.concat([Buffer.from('the the '), Buffer.from([0xc0, 0xaf])]),
    'surrogate.txt': Buffer.concat([Buffer.from('the the '), Buffer.from([0xed, 0xa0, 0x80])]),
    'latin1.txt': Buffer.from('the the caf\xe9 in Kiev\n', 'latin1'),
  };
  const dir = folder(bad);
  for (const name of Object.keys(bad)) {
    refuses(await untouched(dir, ['--fix', name]), new RegExp(`${name.replace('.', '\\.')}: not valid UTF-8`), name);
  }
});

test('UTF-16 with a BOM (LE and BE) is decoded, checked, and fixed in its own encoding', async () => {
  for (const [enc, bom] of [
    ['utf16le', [0xff, 0xfe]],
    ['utf16be', [0xfe, 0xff]],
  ] as const) {
    const body = (s: string) => {
      const le = Buffer.from(s, 'utf16le');
      return Buffer.concat([Buffer.from(bom), enc === 'utf16le' ? le : Buffer.from(le).swap16()]);
    };
    const dir = folder({ 'a.txt': body(ARTICLE) });
    const r = await cli(['--format', 'json', 'a.txt'], { cwd: dir });
    assert.is(r.code, 1, r.stderr);
    const f = JSON.parse(r.stdout).files[0].findings;
    assert.ok(f.some((x: { line: number; column: number }) => x.line === 1 && x.column === 13), `${enc}: the Moscow holder at 1:13`);
    assert.is((await cli(['--fix', 'a.txt'], { cwd: dir })).code, 0);
    assert.equal(readFileSync(join(dir, 'a.txt')), body(FIXED), `${enc}: fixed, BOM and encoding kept`);
    // An odd number of bytes cannot be UTF-16: refused, not guessed at.
    const odd = folder({ 'o.txt': Buffer.concat([body('the the talks'), Buffer.from([0x41])]) });
    refuses(await untouched(odd, ['--fix', 'o.txt']), /o\.txt: not valid UTF-16/, `${enc} odd length`);
    // An unpaired surrogate is not valid UTF-16 either.
    const lone = enc === 'utf16le' ? [0x00, 0xd8, 0x41, 0x00] : [0xd8, 0x00, 0x00, 0x41];
    const sur = folder({ 's.txt': Buffer.concat([body('the the '), Buffer.from(lone)]) });
    refuses(await untouched(sur, ['--fix', 's.txt']), /s\.txt: not valid UTF-16/, `${enc} unpaired surrogate`);
  }
});

test('an empty file: no error, zero findings, not rewritten', async () => {
  const dir = folder({ 'e.txt': '', 'bom.txt': Buffer.from([0xef, 0xbb, 0xbf]) });
  const r = (await cli(['--format', 'json', 'e.txt', 'bom.txt'], { cwd: dir }));
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stderr, '');
  for (const file of JSON.parse(r.stdout).files) assert.equal(file.findings, []);
  const before = statSync(join(dir, 'e.txt'));
  assert.is((await untouched(dir, ['--fix', 'e.txt', 'bom.txt'])).code, 0);
  assert.is(statSync(join(dir, 'e.txt')).ino, before.ino, 'not replaced');
});

test('a 50 MB file is refused before it is read (bounded memory and time)', async () => {
  const dir = tempDir('mtlint-hostile-');
  const path = join(dir, 'big.txt');
  const para = Buffer.from('Lavrov said the Moscow holder had changed since then, and the the talks went on.\n\n');
  // Written in one piece (a write per paragraph made this test's slowest part).
  writeFileSync(path, Buffer.alloc(50 * 1024 * 1024).fill(para));
  // 64 MB of heap: reading the file, let alone linting it, would not fit.
  const r = await untouched(dir, ['--fix', 'big.txt'], { node: ['--max-old-space-size=64'] });
  refuses(r, /big\.txt: too large to check \(50 MB; the limit is 10 MB/, '50 MB file');
  // The limit can be raised (here lowered) for one run.
  const small = folder({ 'a.txt': ARTICLE });
  refuses(await untouched(small, ['a.txt'], { env: { ...process.env, MTLINT_MAX_FILE_MB: '0.00001' } }), /a\.txt: too large to check/, 'lowered limit');
});

test('standard input and devices are bounded by the same limit, read in bounded memory', () => {
  const dir = folder({});
  const small = { ...process.env, NO_COLOR: '1', MTLINT_MAX_FILE_MB: '0.001' };
  refuses(mtlint(['-'], { cwd: dir, input: 'the the talks. '.repeat(100), env: small }), /<stdin>: too large to check/, 'stdin over limit');
  // An endless input: /dev/zero as a file operand and as standard input, under 64 MB of heap.
  refuses(runNode(['--max-old-space-size=64'], ['/dev/zero'], dir), /\/dev\/zero: too large to check/, '/dev/zero');
  const zero = openSync('/dev/zero', 'r');
  try {
    const r = spawnSync(process.execPath, ['--max-old-space-size=64', BIN, '-'], { cwd: dir, stdio: [zero, 'pipe', 'pipe'], encoding: 'utf8', timeout: 300_000 });
    refuses({ code: r.status, stdout: r.stdout, stderr: r.stderr }, /<stdin>: too large to check/, 'endless stdin');
  } finally {
    closeSync(zero);
  }
  assert.equal(readdirSync(dir), []);
});

/** One line of about `size` characters: varied sentences with an artifact here and there (seeded). */
function longLine(size: number): string {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const words = 'the of and to a in that said on for with was as by at from his it an be has have are were officials minister talks government city week people country president spokesman forces region border agreement statement report'.split(' ');
  const artifacts = ['the Moscow holder', 'Russian country television', 'the the'];
  const out: string[] = [];
  let length = 0;
  while (length < size) {
    const n = 8 + Math.floor(rnd() * 14);
    const ws: string[] = [];
    for (let i = 0; i < n; i++) {
      const w = rnd() < 0.03 ? artifacts[Math.floor(rnd() * artifacts.length)] : words[Math.floor(rnd() * words.length)];
      // No accidental doubled word: only the listed artifacts are meant to be fixed.
      ws.push(w === ws[ws.length - 1] ? 'and' : w);
    }
    const s = ws.join(' ');
    out.push(s[0].toUpperCase() + s.slice(1) + '.');
    length += s.length + 2;
  }
  return out.join(' ');
}

test('a 1 MB single line is checked and fixed within 256 MB of heap', () => {
  const line = longLine(1_000_000);
  const dir = folder({ 'line.txt': line + '\n' });
  const r = runNode(['--max-old-space-size=256'], ['--fix', '--format', 'json', 'line.txt'], dir);
  assert.is(r.code, 0, r.stderr);
  const out = readFileSync(join(dir, 'line.txt'), 'utf8');
  assert.ok(line.length - out.length > 10_000, 'many fixes applied');
  assert.not.match(out, /the Moscow holder|Russian country television|\bthe the\b/);
  assert.ok(out.endsWith('.\n') && !out.slice(0, -1).includes('\n'), 'still one line with its final newline');
  const remaining = JSON.parse(r.stdout).files[0].findings as { line: number; column: number; text: string }[];
  for (const f of remaining) assert.is(out.slice(f.column - 1, f.column - 1 + f.text.length), f.text, 'column points at the text');
});

test('deeply nested HTML and Markdown: read when deep, refused clearly when absurdly deep', async () => {
  const deep = (n: number) => `<html><body>${'<div>'.repeat(n)}<p>Lavrov said the Moscow holder had changed.</p>${'</div>'.repeat(n)}</body></html>\n`;
  const ok = folder({ 'ok.html': deep(1000) });
  const r = (await cli(['--fix', 'ok.html'], { cwd: ok }));
  assert.is(r.code, 0, r.stderr);
  assert.is(readFileSync(join(ok, 'ok.html'), 'utf8'), deep(1000).replace('the Moscow holder', "Moscow's position"));
  // (10,000 block quotes: 2.5 times what overflows here; the Markdown parser's time grows with the square of the depth.)
  const dir = folder({ 'deep.html': deep(20_000), 'open.html': `<p>${'<span>'.repeat(20_000)}the the end`, 'deep.md': `${'>'.repeat(10_000)} the the end\n` });
  refuses(await untouched(dir, ['--fix', 'deep.html']), /deep\.html: nested too deeply to read \(html\); not checked/, 'nested divs');
  refuses(await untouched(dir, ['--fix', 'open.html']), /open\.html: nested too deeply/, 'unclosed spans');
  refuses(await untouched(dir, ['--fix', 'deep.md']), /deep\.md: nested too deeply to read \(markdown\)/, 'nested block quotes');
});

test('an XML feed with an external entity or an entity-expansion bomb is refused, nothing fetched or expanded', async () => {
  const dir = folder({ 'secret.txt': 'TOP-SECRET-CONTENT the the\n' });
  const item = (body: string) => `<rss version="2.0"><channel><item><guid>1</guid><title>x</title><description>${body} the Moscow holder</description></item></channel></rss>\n`;
  writeFileSync(
    join(dir, 'xxe.rss'),
    `<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${join(dir, 'secret.txt')}">]>\n${item('&xxe;')}`,
  );
  const lol = ['<!ENTITY lol0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`)].join('');
  writeFileSync(join(dir, 'bomb.rss'), `<?xml version="1.0"?>\n<!DOCTYPE rss [${lol}]>\n${item('&lol9;')}`);
  writeFileSync(join(dir, 'param.rss'), `<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY % p SYSTEM "file://${join(dir, 'secret.txt')}"> %p;]>\n${item('x')}`);
  writeFileSync(join(dir, 'undeclared.rss'), `<?xml version="1.0"?>\n${item('&xxe;')}`);
  for (const name of ['xxe.rss', 'bomb.rss', 'param.rss']) {
    for (const format of ['stylish', 'json']) {
      const r = await untouched(dir, ['--fix', '--format', format, name]);
      refuses(r, new RegExp(`${name.replace('.', '\\.')}: the feed's DOCTYPE declares entities; refused`), name);
      assert.not.match(r.stdout + r.stderr, /TOP-SECRET/, 'the external file is never read into the output');
    }
  }
  refuses(await untouched(dir, ['--fix', 'undeclared.rss']), /undeclared\.rss:\d+:\d+: not well-formed XML: undefined entity/, 'undeclared entity');
});

const RULE = (lines: string) => `kind: boilerplate
severity: error
confidence: 0.9
fix: safe
message: Delete.
description: A residue rule.
source: test case.
lines:
${lines}
examples:
  flag:
    - text: "x\\n\\nleave a reply"
      output: "x"
  pass: ["y"]
`;

test('a malformed YAML rule file, an invalid regex and a catastrophic pattern: the error names the rule file and line', async () => {
  const dir = folder({
    'a.txt': ARTICLE,
    'yaml/r/bad.yaml': 'kind: boilerplate\nseverity: [error\nconfidence: 1\n',
    'regex/r/broken.yaml': RULE('  - "leave a (reply"'),
    'redos/r/slow.yaml': RULE('  - "leave a reply"\n  - "(\\\\w+\\\\s?)+!"'),
    'tabs/r/tab.yaml': 'kind: boilerplate\n\tseverity: error\n',
  });
  refuses(await untouched(dir, ['--fix', '--rules', 'yaml', 'a.txt']), /yaml\/r\/bad\.yaml:[23]: invalid YAML/, 'malformed YAML');
  refuses(await untouched(dir, ['--fix', '--rules', 'tabs', 'a.txt']), /tabs\/r\/tab\.yaml:2: invalid YAML/, 'tab indentation');
  refuses(await untouched(dir, ['--fix', '--rules', 'regex', 'a.txt']), /regex\/r\/broken\.yaml:8: lines: invalid regular expression \/leave a \(reply\//, 'invalid regex');
  refuses(
    await untouched(dir, ['--fix', '--rules', 'redos', 'a.txt']),
    /redos\/r\/slow\.yaml:8: lines: regular expression \/\(\\w\+\\s\?\)\+!\/ refused: nested repetition/,
    'catastrophic backtracking',
  );
});

test('--fix on a read-only file: refused, the file untouched (even for root)', async () => {
  const dir = folder({ 'a.txt': ARTICLE });
  chmodSync(join(dir, 'a.txt'), 0o444);
  refuses(await untouched(dir, ['--fix', 'a.txt']), /a\.txt: cannot write fix, the file is read-only \(file left unchanged\)/, 'read-only');
  // The report without --fix still works.
  assert.is((await cli(['a.txt'], { cwd: dir })).code, 1);
});

test('--fix through a symbolic link replaces the target and keeps the link', async () => {
  const dir = folder({ 'real/a.txt': ARTICLE });
  symlinkSync(join(dir, 'real', 'a.txt'), join(dir, 'link.txt'));
  assert.is((await cli(['--fix', 'link.txt'], { cwd: dir })).code, 0);
  assert.is(readFileSync(join(dir, 'real', 'a.txt'), 'utf8'), FIXED);
  assert.is(readdirSync(dir).sort().join(' '), 'link.txt real');
  assert.ok(lstatSync(join(dir, 'link.txt')).isSymbolicLink(), 'still a link');
  assert.ok(readdirSync(join(dir, 'real')).length === 1, 'no temporary file left');
});

/** Whether this system lets an unprivileged user mount a tmpfs in its own namespace. */
const CAN_MOUNT = process.platform === 'linux' && spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'], { encoding: 'utf8' }).status === 0;

/**
 * Runs `script` (sh) in a private mount namespace with a small tmpfs mounted on `$M` (a folder
 * of a temporary directory); the script's output is returned. Real ENOSPC and EROFS, no root.
 */
function inTmpfs(script: string, sizeKb: number): { status: number | null; stdout: string; stderr: string } {
  const dir = tempDir('mtlint-tmpfs-');
  mkdirSync(join(dir, 'm'));
  const r = spawnSync('unshare', ['-rm', 'sh', '-c', `set -u; M="${join(dir, 'm')}"; mount -t tmpfs -o size=${sizeKb}k tmpfs "$M" && cd "$M" && ${script}`], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', BIN, NODE: process.execPath },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('--fix on a full disk: refused, the original whole, no temporary file left', () => {
  if (!CAN_MOUNT) {
    console.log('  (skipped: this system does not allow a private tmpfs mount via unshare -rm)');
    return;
  }
  const big = ARTICLE.repeat(400); // ~40 KB, so its replacement cannot fit in what is left
  const dir = folder({ 'a.txt': big });
  const r = inTmpfs(
    `cp "${join(dir, 'a.txt')}" a.txt && (dd if=/dev/zero of=fill bs=4k 2>/dev/null || true);
     "$NODE" "$BIN" --fix a.txt; echo "exit=$?"; ls -a; sha256sum a.txt`,
    256,
  );
  // (mtlint's stderr is not redirected into the full file system: writing it there would fail too.)
  assert.match(r.stdout, /exit=2\n/, r.stdout + r.stderr);
  assert.is(r.stderr, 'mtlint: a.txt: cannot write fix, file left unchanged: no space left on device\n');
  assert.not.match(r.stdout, /\.tmp/, 'temporary file removed');
  const hash = createHash('sha256').update(big).digest('hex');
  assert.match(r.stdout, new RegExp(`${hash}  a\\.txt`), 'original bytes kept');
});

test('--fix on a read-only file system: refused, the original whole', async () => {
  if (!CAN_MOUNT) {
    console.log('  (skipped: this system does not allow a private tmpfs mount via unshare -rm)');
    return;
  }
  const dir = folder({ 'a.txt': ARTICLE });
  const r = inTmpfs(`cp "${join(dir, 'a.txt')}" a.txt && mount -o remount,ro "$M" && "$NODE" "$BIN" --fix a.txt; echo "exit=$?"; sha256sum a.txt`, 64);
  assert.match(r.stdout, /exit=2\n/, r.stdout + r.stderr);
  assert.is(r.stderr, 'mtlint: a.txt: cannot write fix, file left unchanged: read-only file system\n');
  assert.match(r.stdout, new RegExp(`${createHash('sha256').update(ARTICLE).digest('hex')}  a\\.txt`));
});

/**
 * Starts `mtlint --fix <first> fifo.txt` in `dir`; once mtlint has read `first` and is waiting on
 * the named pipe, runs `meanwhile`, then feeds the pipe a clean text. Resolves with the result.
 */
async function fixWhileWaiting(dir: string, first: string, meanwhile: () => void): Promise<RunResult> {
  const fifo = join(dir, 'fifo.txt');
  assert.is(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
  const child = spawn(process.execPath, [BIN, '--fix', '--jobs', '1', first, 'fifo.txt'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  // Opening the pipe for writing succeeds only once mtlint has it open for reading, that is,
  // after it has read `first` (operands are read in order).
  let fd: number | undefined;
  for (let tries = 0; fd === undefined; tries++) {
    try {
      fd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENXIO' || tries > 3000 || child.exitCode !== null) {
        child.kill('SIGKILL');
        throw new Error(`mtlint never opened the pipe: ${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  meanwhile();
  writeSync(fd, 'A clean line.\n');
  closeSync(fd);
  const code = await done;
  return { code, stdout, stderr };
}

test('--fix when the file\'s folder vanishes (is moved away) before the write: refused, original untouched', async () => {
  const dir = folder({ 'news/a.txt': ARTICLE });
  const r = await fixWhileWaiting(dir, 'news/a.txt', () => renameSync(join(dir, 'news'), join(dir, 'moved')));
  reportsFileError(r, /\n {2}news\/a\.txt {2}error {4}cannot write fix, file left unchanged: no such file or directory\n/, 'vanished folder');
  assert.is(readFileSync(join(dir, 'moved', 'a.txt'), 'utf8'), ARTICLE, 'the moved original is untouched');
  assert.equal(readdirSync(join(dir, 'moved')), ['a.txt'], 'no temporary file');
  assert.equal(readdirSync(dir).sort(), ['fifo.txt', 'moved'], 'nothing re-created at the old path');
});

test('--fix when the file is made read-only while mtlint works: refused, untouched', async () => {
  const dir = folder({ 'a.txt': ARTICLE });
  const r = await fixWhileWaiting(dir, 'a.txt', () => chmodSync(join(dir, 'a.txt'), 0o444));
  reportsFileError(r, /\n {2}a\.txt {2}error {4}cannot write fix, the file is read-only/, 'made read-only');
  assert.is(readFileSync(join(dir, 'a.txt'), 'utf8'), ARTICLE);
});

test('--fix when the file is changed (an editor saved it) while mtlint works: the change is kept, the fix refused', async () => {
  const dir = folder({ 'a.txt': ARTICLE });
  const edited = ARTICLE + 'A paragraph the editor added.\n';
  const r = await fixWhileWaiting(dir, 'a.txt', () => writeFileSync(join(dir, 'a.txt'), edited));
  reportsFileError(r, /\n {2}a\.txt {2}error {4}changed on disk since mtlint read it; fix not written \(run again\)/, 'changed meanwhile');
  assert.is(readFileSync(join(dir, 'a.txt'), 'utf8'), edited, "the editor's version is kept");
  assert.equal(readdirSync(dir).sort(), ['a.txt', 'fifo.txt'], 'no temporary file');
});

test.run();
