// Declared encodings are honoured (issue 19, item 7): an XML feed whose prolog declares
// iso-8859-1 or windows-1252, an HTML page with <meta charset>, are read in that encoding and
// `--fix` writes them back in it, byte for byte outside the fix; a replacement the encoding
// cannot hold is written as a character reference in HTML, and refused (reported, not fixed)
// where a reference would not be read back; a declaration mtlint cannot read is an error.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, tempDir } from '../helpers.js';

const latin1 = (s: string) => Buffer.from(s, 'latin1');

/** Bytes of `s` in windows-1252 (the few characters the tests use beyond Latin-1). */
function cp1252(s: string): Buffer {
  const extra: Record<string, number> = { '’': 0x92, '“': 0x93, '”': 0x94, '€': 0x80 };
  return Buffer.from([...s].map((c) => extra[c] ?? c.charCodeAt(0)));
}

test('an RSS feed declaring iso-8859-1: read in it, fixed and written back in it', async () => {
  const dir = tempDir('mtlint-enc-');
  const feed = (body: string) =>
    `<?xml version="1.0" encoding="iso-8859-1"?>\n<rss version="2.0"><channel><item><guid>a</guid><description>Caf\u00e9 owners in Sm\u00e5land said the Moscow holder had changed.</description></item></channel></rss>\n`.replace('the Moscow holder', body);
  writeFileSync(join(dir, 'a.rss'), latin1(feed('the Moscow holder')));
  const r = await cli(['--format', 'json', 'a.rss'], { cwd: dir });
  assert.is(r.code, 1, r.stderr);
  const f = JSON.parse(r.stdout).files[0].findings;
  assert.equal(f.map((x: { ruleId: string; text: string }) => [x.ruleId, x.text]), [['calques/position-holder', 'the Moscow holder']]);
  const fixed = await cli(['--fix', 'a.rss'], { cwd: dir });
  assert.is(fixed.code, 0, fixed.stdout + fixed.stderr);
  assert.equal(readFileSync(join(dir, 'a.rss')), latin1(feed("Moscow's position")));
});

test('an HTML page with <meta charset="windows-1252">: read in it, fixed and written back in it', async () => {
  const dir = tempDir('mtlint-enc-');
  const page = (body: string) =>
    `<html><head><meta charset="windows-1252"><title>Talks</title></head><body><p>\u201cWe\u2019re ready,\u201d said the minister. ${body} talks resumed \u20ac5m later.</p></body></html>\n`;
  writeFileSync(join(dir, 'a.html'), cp1252(page('The the')));
  const r = await cli(['--format', 'json', 'a.html'], { cwd: dir });
  assert.equal(JSON.parse(r.stdout).files[0].findings.map((x: { ruleId: string }) => x.ruleId), ['repetition/repeated-word']);
  assert.is((await cli(['--fix', 'a.html'], { cwd: dir })).code, 0);
  assert.equal(readFileSync(join(dir, 'a.html')), cp1252(page('The')));
  // The http-equiv form too.
  const old = (body: string) => `<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body><p>Caf\u00e9 news: ${body} talks.</p></body></html>\n`;
  writeFileSync(join(dir, 'b.html'), latin1(old('the the')));
  assert.is((await cli(['--fix', 'b.html'], { cwd: dir })).code, 0);
  assert.equal(readFileSync(join(dir, 'b.html')), latin1(old('the')));
});

test('a replacement the declared encoding cannot hold: a character reference in HTML, refused in a feed', async () => {
  const dir = tempDir('mtlint-enc-');
  writeFileSync(join(dir, 'names.tsv'), 'Erdogan\tErdo\u011fan\n');
  const page = (name: string) => `<html><head><meta charset="iso-8859-1"></head><body><p>Caf\u00e9 talk: ${name} met the minister.</p></body></html>\n`;
  writeFileSync(join(dir, 'a.html'), latin1(page('Erdogan')));
  assert.is((await cli(['--fix', '--phrases', 'names.tsv', 'a.html'], { cwd: dir })).code, 0);
  assert.equal(readFileSync(join(dir, 'a.html')), latin1(page('Erdo&#x11f;an')));
  const feed = `<?xml version="1.0" encoding="windows-1252"?>\n<rss version="2.0"><channel><item><title><![CDATA[Caf\u00e9: Erdogan met the minister]]></title></item></channel></rss>\n`;
  writeFileSync(join(dir, 'a.rss'), latin1(feed));
  const r = await cli(['--fix', '--phrases', 'names.tsv', 'a.rss'], { cwd: dir });
  assert.is(r.code, 0, r.stdout);
  assert.match(r.stdout, /Use `Erdoğan` rather than `Erdogan`/);
  assert.equal(readFileSync(join(dir, 'a.rss')), latin1(feed), 'not written');
});

test('a declared encoding mtlint does not know: one clear error; a BOM wins over a declaration', async () => {
  const dir = tempDir('mtlint-enc-');
  writeFileSync(join(dir, 'a.rss'), '<?xml version="1.0" encoding="x-klingon"?>\n<rss version="2.0"><channel/></rss>\n');
  const r = await cli(['a.rss'], { cwd: dir });
  assert.is(r.code, 2);
  assert.is(r.stderr, 'mtlint: a.rss: declares the encoding x-klingon, which mtlint cannot read\n');
  writeFileSync(join(dir, 'b.html'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="iso-8859-1"><p>Caf\u00e9 the the talks.</p>\n', 'utf8')]));
  const fixed = await cli(['--fix', 'b.html'], { cwd: dir });
  assert.is(fixed.code, 0, fixed.stdout + fixed.stderr);
  assert.equal(readFileSync(join(dir, 'b.html')), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="iso-8859-1"><p>Caf\u00e9 the talks.</p>\n', 'utf8')]));
});

test.run();
