// The NDJSON stream's line reader: lines decoded from bytes one at a time are the lines of the
// whole decoded text, whatever the chunking (CRLF and multi-byte characters cut between chunks).
// A record's "text" value found by the skimmer is the one JSON.parse gives, and each of its units
// maps back to its source unit or escape; the source map builder maps every unit.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodedLines } from '../src/io/decoded-lines.js';
import { parseRecord, textValue } from '../src/io/formats/ndjson.js';
import { MapBuilder } from '../src/io/mapping.js';
import { rng } from './helpers.js';

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


/** A random JSON value up to `depth` deep; strings with quotes, backslashes, braces and non-ASCII. */
function randomValue(r: () => number, depth: number): unknown {
  const pick = Math.floor(r() * (depth > 0 ? 7 : 5));
  const str = () => Array.from({ length: Math.floor(r() * 6) }, () => ['a', '"', '\\', '{', '}', '[', ']', ',', ':', 'é', '’', '\n', 'text'][Math.floor(r() * 13)]).join('');
  if (pick === 0) return str();
  if (pick === 1) return Math.floor(r() * 2000) - 1000 + (r() < 0.3 ? 0.5 : 0);
  if (pick === 2) return r() < 0.5;
  if (pick === 3) return null;
  if (pick === 4) return r() < 0.5 ? 1e21 : -0.25;
  if (pick === 5) return Array.from({ length: Math.floor(r() * 3) }, () => randomValue(r, depth - 1));
  return Object.fromEntries(Array.from({ length: Math.floor(r() * 3) }, () => [r() < 0.2 ? 'text' : str(), randomValue(r, depth - 1)]));
}

test('textValue: the top-level "text" value of any record, the last of duplicates, whatever else the line holds', () => {
  const r = rng(11);
  const space = () => [' ', '', '\t', '  '][Math.floor(r() * 4)];
  for (let n = 0; n < 500; n++) {
    // Members written by hand, so that keys repeat (JSON.parse keeps the last) and spacing varies.
    const members: string[] = [];
    for (let k = Math.floor(r() * 4); k > 0; k--) members.push(`${JSON.stringify(r() < 0.5 ? 'id' : 'meta')}${space()}:${space()}${JSON.stringify(randomValue(r, 3))}`);
    const texts = 1 + Math.floor(r() * 2);
    for (let k = 0; k < texts; k++) {
      // The key itself may be written with an escape.
      const key = r() < 0.2 ? '"\\u0074ext"' : '"text"';
      members.splice(Math.floor(r() * (members.length + 1)), 0, `${key}${space()}:${space()}${JSON.stringify(randomValue(r, 0) + String(n))}`);
    }
    const line = `${space()}{${space()}${members.join(`${space()},${space()}`)}${space()}}${space()}`;
    const [from, to] = textValue(line);
    assert.is(JSON.parse(line.slice(from, to)), (JSON.parse(line) as { text: unknown }).text, line);
  }
});

test('parseRecord: the text is JSON.parse\'s, and each of its units maps to the source unit or escape it decodes from', () => {
  const r = rng(17);
  const units = ['a', 'b', ' ', 'é', '"', '\\', '/', '\n', '\r', '\t', '\b', '\u0001', '\u2028', '😀', '\ud800', 'Ж'];
  for (let n = 0; n < 400; n++) {
    let text = '';
    for (let k = Math.floor(r() * 40); k > 0; k--) text += units[Math.floor(r() * units.length)];
    // JSON.stringify's escapes, and some it never writes: \/ and \u for a plain unit.
    const content = JSON.stringify(text)
      .slice(1, -1)
      .replace(/\\u[0-9a-f]{4}|\\.|[^]/g, (c) => (c.length > 1 || r() >= 0.2 ? c : c === '/' ? '\\/' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    const line = `{"id":${n},"text":"${content}"}`;
    const base = 1000 * n;
    const rec = parseRecord(line, base, 'x.ndjson', 1)!;
    assert.is(rec.map.text, text, line);
    let at = base + line.indexOf('"text":"') + 8;
    for (let k = 0; k < text.length; k++) {
      assert.is(rec.map.start[k], at, `${line} unit ${k}`);
      const source = line.slice(rec.map.start[k] - base, rec.map.end[k] - base);
      assert.is(JSON.parse(`"${source}"`), text[k], `${line} unit ${k}: ${source}`);
      at = rec.map.end[k];
    }
    assert.is(at - base, line.length - 2, line);
  }
});

test('MapBuilder: each unit of the text maps to its source range, across growth', () => {
  const r = rng(5);
  const b = new MapBuilder();
  const expected: [number, number][] = [];
  let text = '';
  let at = 0;
  while (text.length < 5000) {
    if (r() < 0.6) {
      const src = 'x'.repeat(Math.floor(r() * 700));
      b.copy(src, 0, src.length, at);
      for (let i = 0; i < src.length; i++) expected.push([at + i, at + i + 1]);
      text += src;
      at += src.length;
    } else {
      const s = 'é'.repeat(1 + Math.floor(r() * 3));
      b.decoded(s, at, at + 6);
      for (let i = 0; i < s.length; i++) expected.push([at, at + 6]);
      text += s;
      at += 6;
    }
  }
  const map = b.build(0);
  assert.is(map.text, text);
  assert.equal([...map.start], expected.map((e) => e[0]));
  assert.equal([...map.end], expected.map((e) => e[1]));
});

test.run();
