// --fix writes safely: the new text goes to a temporary file in the same folder (same mode), which
// is renamed over the file; so a process killed at any moment leaves either the old file or the
// new one, whole. These tests kill mtlint with SIGKILL at several moments of a large fix (while it
// lints, as soon as its temporary file appears, part-way through a streamed NDJSON rewrite) and
// check the file each time.

import { spawn } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, statSync, unlinkSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AtomicWriter } from '../src/io/atomic-writer.js';
import { writeAtomic } from '../src/io/source.js';
import { BIN, mtlint, tempDir } from './helpers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Seeded sentences with artifacts the built-in rules fix, `size` characters or so. */
function article(size: number, seed = 7): string {
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const words = 'the of and to in that said on for with was by at from officials minister talks government city week people country border report'.split(' ');
  const artifacts = ['the Moscow holder', 'Russian country television', 'the the'];
  const paras: string[] = [];
  let length = 0;
  while (length < size) {
    const ws: string[] = [];
    for (let i = 0, n = 8 + Math.floor(rnd() * 12); i < n; i++) {
      const w = rnd() < 0.08 ? artifacts[Math.floor(rnd() * 3)] : words[Math.floor(rnd() * words.length)];
      // No accidental doubled word: only the listed artifacts are meant to be fixed.
      ws.push(w === ws[ws.length - 1] ? 'and' : w);
    }
    const s = ws.join(' ');
    paras.push(`${s[0].toUpperCase()}${s.slice(1)}.`);
    length += s.length + 3;
  }
  return paras.join('\n\n') + '\n';
}

const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

interface KillResult {
  /** Whether the temporary file existed when the process was killed (the write had begun). */
  duringWrite: boolean;
  killed: boolean;
}

/**
 * Runs `mtlint args` in `dir` and kills it (SIGKILL) when `when` says so, polled every few
 * milliseconds, or with `when === 'temp'` the moment a temporary file is created (inotify, via
 * fs.watch: quicker than the write, fsync and rename that follow); resolves once it is gone.
 */
async function runAndKill(dir: string, args: string[], when: ((elapsedMs: number) => boolean) | 'temp'): Promise<KillResult> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let done = false;
  void exited.then(() => (done = true));
  let killed = false;
  let duringWrite = false;
  const kill = () => {
    if (killed || done) return;
    duringWrite = temps(dir).length > 0;
    killed = child.kill('SIGKILL');
  };
  const watcher = when === 'temp' ? watch(dir, (_event, name) => name?.endsWith('.tmp') && kill()) : undefined;
  const start = Date.now();
  while (!done && !killed) {
    if (when !== 'temp' && when(Date.now() - start)) kill();
    else await sleep(2);
  }
  await exited;
  watcher?.close();
  return { duringWrite, killed };
}

test('a plain-text fix killed at any moment leaves the old file or the new one, whole', async () => {
  const dir = tempDir('mtlint-atomic-');
  const path = join(dir, 'big.txt');
  const old = Buffer.from(article(400_000));
  writeFileSync(path, old);
  chmodSync(path, 0o640);
  const expected = mtlint(['--fix', '--stdout', 'big.txt'], { cwd: dir });
  assert.is(expected.code, 0, expected.stderr);
  const fresh = Buffer.from(expected.stdout, 'utf8');
  assert.ok(fresh.length < old.length - 1000, 'the fix changes a lot');

  const moments: [string, ((ms: number) => boolean) | 'temp'][] = [
    ['at once', () => true],
    ['after 300 ms', (ms) => ms >= 300],
    ['after 900 ms', (ms) => ms >= 900],
    ['when the temporary file appears', 'temp'],
    ['never', () => false],
  ];
  for (const [label, when] of moments) {
    writeFileSync(path, old);
    chmodSync(path, 0o640);
    const r = await runAndKill(dir, ['--fix', 'big.txt'], when);
    const now = readFileSync(path);
    assert.ok(now.equals(old) || now.equals(fresh), `killed ${label}: the file is the old or the new text, whole (${now.length} bytes)`);
    if (!r.killed) assert.ok(now.equals(fresh), 'not killed: the new text');
    if (now.equals(fresh)) assert.is(statSync(path).mode & 0o777, 0o640, `killed ${label}: mode kept`);
    // A kill between creating the temporary file and the rename leaves that (hidden) file behind,
    // never a partial big.txt; mtlint's folder walk skips dot files.
    for (const t of temps(dir)) {
      assert.ok(t.startsWith('.big.txt.mtlint-'), t);
      unlinkSync(join(dir, t));
    }
    assert.equal(readdirSync(dir), ['big.txt']);
  }
});

test('a streamed NDJSON fix killed part-way through the rewrite leaves the old file whole', async () => {
  const dir = tempDir('mtlint-atomic-');
  const path = join(dir, 'feed.ndjson');
  const records = article(300_000, 11)
    .split('\n\n')
    .map((text, i) => JSON.stringify({ id: `a${i}`, text: text.trim() }));
  const old = Buffer.from(records.join('\n') + '\n');
  writeFileSync(path, old);
  const expected = mtlint(['--fix', '--stdout', '--format', 'ndjson', 'feed.ndjson'], { cwd: dir });
  assert.is(expected.code, 0, expected.stderr);
  const fresh = Buffer.from(expected.stdout, 'utf8');
  assert.not.ok(fresh.equals(old));

  for (const share of [0.05, 0.4, 0.8]) {
    writeFileSync(path, old);
    // Kill once the temporary file holds this share of the new text: mid-write, by construction.
    const r = await runAndKill(dir, ['--fix', '--format', 'ndjson', 'feed.ndjson'], () => {
      const t = temps(dir)[0];
      if (!t) return false;
      try {
        return statSync(join(dir, t)).size >= share * fresh.length;
      } catch {
        return false;
      }
    });
    const now = readFileSync(path);
    if (r.killed) {
      assert.ok(r.duringWrite);
      assert.ok(now.equals(old), `killed with ${share * 100}% written: the old file, whole`);
    } else assert.ok(now.equals(fresh), 'finished first: the new file, whole');
    for (const t of temps(dir)) unlinkSync(join(dir, t));
  }
  assert.is(mtlint(['--fix', '--format', 'ndjson', 'feed.ndjson'], { cwd: dir }).code, 0);
  assert.ok(readFileSync(path).equals(fresh), 'run to the end: the new file');
  assert.equal(readdirSync(dir), ['feed.ndjson']);
});

test('writeAtomic keeps the mode, leaves no temporary file, and refuses what it cannot replace', () => {
  const dir = tempDir('mtlint-atomic-');
  const path = join(dir, 'a.txt');
  writeFileSync(path, 'old');
  chmodSync(path, 0o604);
  writeAtomic(path, Buffer.from('new'));
  assert.is(readFileSync(path, 'utf8'), 'new');
  assert.is(statSync(path).mode & 0o777, 0o604);
  assert.equal(readdirSync(dir), ['a.txt']);
  assert.throws(() => writeAtomic(join(dir, 'gone.txt'), Buffer.from('x')), /gone\.txt: cannot write fix, file left unchanged: no such file or directory/);
  assert.throws(() => writeAtomic(dir, Buffer.from('x')), /not a regular file/);
  chmodSync(path, 0o444);
  assert.throws(() => writeAtomic(path, Buffer.from('x')), /a\.txt: cannot write fix, the file is read-only/);
  assert.is(readFileSync(path, 'utf8'), 'new');
  assert.equal(readdirSync(dir), ['a.txt']);
});

test('writeAtomic with the bytes read refuses a file changed since, and writes one that is not', () => {
  const dir = tempDir('mtlint-atomic-');
  const path = join(dir, 'a.txt');
  writeFileSync(path, 'old');
  writeAtomic(path, Buffer.from('new'), Buffer.from('old'));
  assert.is(readFileSync(path, 'utf8'), 'new');
  assert.throws(() => writeAtomic(path, Buffer.from('newer'), Buffer.from('old')), /a\.txt: changed on disk since mtlint read it/);
  assert.is(readFileSync(path, 'utf8'), 'new');
  assert.equal(readdirSync(dir), ['a.txt']);
});

test('AtomicWriter.abort removes the temporary file and leaves the original', () => {
  const dir = tempDir('mtlint-atomic-');
  const path = join(dir, 'a.txt');
  writeFileSync(path, 'old');
  const w = new AtomicWriter(path);
  w.write(Buffer.from('half of the new te'));
  assert.is(temps(dir).length, 1, 'the pieces go to a temporary file in the same folder');
  assert.is(readFileSync(path, 'utf8'), 'old', 'the original is untouched until commit');
  w.abort();
  assert.equal(readdirSync(dir), ['a.txt']);
  assert.is(readFileSync(path, 'utf8'), 'old');
});

test.run();
