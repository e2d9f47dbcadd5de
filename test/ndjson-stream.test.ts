// The NDJSON stream's line reader: lines decoded from bytes one at a time are the lines of the
// whole decoded text, whatever the chunking (CRLF and multi-byte characters cut between chunks).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodedLines } from '../src/cli/ndjson-stream.js';

/** A seeded generator of numbers in [0, 1) (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The lines of the decoded text as the reader must give them (the reference). */
function reference(text: string): { text: string; eol: string }[] {
  const out: { text: string; eol: string }[] = [];
  const re = /\r\n|\n|\r/g;
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ text: text.slice(from, m.index), eol: m[0] });
    from = m.index + m[0].length;
  }
  if (from < text.length) out.push({ text: text.slice(from), eol: '' });
  return out;
}

async function* chunked(bytes: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  let from = 0;
  for (const c of [...cuts, bytes.length]) {
    yield bytes.subarray(from, c);
    from = c;
  }
}

async function read(bytes: Buffer, cuts: number[]) {
  const out: { text: string; eol: string; bom: boolean }[] = [];
  for await (const l of decodedLines(chunked(bytes, cuts), 'x.ndjson')) out.push(l);
  return out;
}

test('lines equal those of the decoded text for any chunking', async () => {
  const random = rng(7);
  const parts = ['{"text":"a"}', 'é', '’', '😀', '\r', '\n', '\r\n', ' ', 'x'];
  for (let round = 0; round < 300; round++) {
    let text = '';
    const n = Math.floor(random() * 30);
    for (let k = 0; k < n; k++) text += parts[Math.floor(random() * parts.length)];
    const bytes = Buffer.from(text, 'utf8');
    const cuts = [...new Set(Array.from({ length: Math.floor(random() * 5) }, () => Math.floor(random() * (bytes.length + 1))))].sort((a, b) => a - b);
    const got = await read(bytes, cuts);
    assert.equal(
      got.map(({ text: t, eol }) => ({ text: t, eol })),
      reference(text),
      JSON.stringify({ text, cuts }),
    );
    assert.ok(got.every((l) => !l.bom));
  }
});

test('a UTF-8 BOM is dropped and reported; invalid UTF-8, UTF-16 and NUL bytes are refused', async () => {
  const got = await read(Buffer.from('\ufeff{"text":"a"}\n{"text":"b"}', 'utf8'), [2]);
  assert.equal(
    got.map((l) => [l.text, l.bom]),
    [
      ['{"text":"a"}', true],
      ['{"text":"b"}', true],
    ],
  );
  const refused = async (bytes: Buffer, pattern: RegExp) => {
    try {
      await read(bytes, []);
    } catch (e) {
      assert.match((e as Error).message, pattern);
      return;
    }
    assert.unreachable(`accepted ${bytes.toString('hex')}`);
  };
  await refused(Buffer.from([0x7b, 0xff, 0x7d, 0x0a]), /not valid UTF-8/);
  await refused(Buffer.from([0x7b, 0xc3]), /not valid UTF-8/);
  await refused(Buffer.from('\ufeff{}', 'utf16le'), /must be UTF-8/);
  await refused(Buffer.from([0x7b, 0x00, 0x7d]), /binary file/);
});

test.run();
