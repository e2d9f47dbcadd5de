// The language server's figure: the time from a keystroke to fresh diagnostics on a 50 KB
// document (plain text, Markdown, HTML), measured as an editor sees it: `mtlint lsp` started from
// bin/mtlint.cjs, a protocol client (test/lsp/client.ts) sends one-character changes and waits for
// the diagnostics of that version. With the default debounce (200 ms: a change is checked after a
// pause in typing) and with none (what the check itself costs, protocol included); and a burst of
// keystrokes 50 ms apart, which must be checked once, after the last.
//   npm run build && tsc -p bench/tsconfig.json && node .test-build/bench/lsp.js [--quick]

import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { TestClient } from '../test/lsp/client.js';
import { corpusText, loadCorpus } from './data.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SIZE = 50_000;

export interface LspSection {
  title: string;
  header: string[];
  rows: string[][];
  notes: string[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The same 50 KB of news (a sample article with findings first, then the bench corpus) as text, Markdown and HTML. */
function documents(): { name: string; languageId: string; text: string }[] {
  const sample = readFileSync(join(ROOT, 'samples', 'ceasefire-talks.txt'), 'utf8');
  const paragraphs = `${sample}\n\n${corpusText(loadCorpus(ROOT), SIZE).text}`.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  const take = (render: (p: string, i: number) => string, head: string, tail: string) => {
    let out = head;
    for (let i = 0; out.length < SIZE; i++) out += render(paragraphs[i % paragraphs.length], i);
    return out + tail;
  };
  return [
    { name: 'bench.txt', languageId: 'plaintext', text: take((p) => `${p}\n\n`, '', '') },
    { name: 'bench.md', languageId: 'markdown', text: take((p, i) => (i % 12 === 0 ? `## Part ${i / 12 + 1}\n\n` : '') + `${i % 5 === 1 ? '> ' : ''}${p.replace(/^(\S+ \S+)/, '**$1**')}\n\n`, '# Talks\n\n', '') },
    { name: 'bench.html', languageId: 'html', text: take((p) => `<p>${escapeHtml(p)}</p>\n`, '<!DOCTYPE html>\n<html><head><title>Talks</title></head><body>\n', '</body></html>\n') },
  ];
}

/** A place to type: the end of a word in the middle of the document. */
function typingPoint(text: string): number {
  const m = /\w(?=[ ,.])/.exec(text.slice(text.length >> 1))!;
  return (text.length >> 1) + m.index + 1;
}

async function measure(doc: { name: string; languageId: string; text: string }, debounceMs: number, keystrokes: number) {
  const client = await TestClient.start({ initializationOptions: { debounceMs } });
  try {
    const uri = pathToFileURL(join(ROOT, '.test-build', doc.name)).href;
    let t = performance.now();
    const opened = await client.open(uri, doc.text, doc.languageId);
    const openMs = performance.now() - t;
    const at = client.docs.get(uri)!.positionAt(typingPoint(doc.text));
    const times: number[] = [];
    for (let k = 0; k < keystrokes; k++) {
      // Type a letter, then delete it: the text stays the same size.
      const edit = k % 2 === 0 ? { range: { start: at, end: at }, newText: 'x' } : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, newText: '' };
      t = performance.now();
      const version = await client.edit(uri, [edit]);
      await client.diagnostics(uri, { version });
      times.push(performance.now() - t);
    }
    // A burst: ten keystrokes 50 ms apart; how many checks, and how long after the last one.
    const before = client.published.length;
    let version = 0;
    for (let k = 0; k < 10; k++) {
      version = await client.edit(uri, [{ range: { start: at, end: at }, newText: 'y' }]);
      if (k < 9) await new Promise((r) => setTimeout(r, 50));
    }
    t = performance.now();
    await client.diagnostics(uri, { version });
    const burstMs = performance.now() - t;
    const checks = client.published.slice(before).filter((p) => p.uri === uri).length;
    await client.stop();
    return { openMs, times, burstMs, checks, findings: opened.length };
  } finally {
    client.kill();
  }
}

export async function lspSection(quick = false): Promise<LspSection> {
  const keystrokes = quick ? 4 : 20;
  const rows: string[][] = [];
  for (const doc of documents()) {
    const d = await measure(doc, 200, keystrokes);
    const z = await measure(doc, 0, keystrokes);
    rows.push([
      doc.name.replace('bench.', ''),
      `${(Buffer.byteLength(doc.text) / 1000).toFixed(1)} KB`,
      String(d.findings),
      ms(d.openMs),
      `${ms(median(d.times))} (${ms(Math.min(...d.times))}–${ms(Math.max(...d.times))})`,
      `${ms(median(z.times))} (${ms(Math.min(...z.times))}–${ms(Math.max(...z.times))})`,
      `${ms(d.burstMs)} ms, ${d.checks} check${d.checks === 1 ? '' : 's'}`,
    ]);
  }
  return {
    title: 'Language server (`mtlint lsp`): keystroke to fresh diagnostics, 50 KB document',
    header: ['document', 'size', 'diagnostics', 'open → diagnostics ms', `keystroke → fresh diagnostics ms, debounce 200 ms: median (min–max) of ${keystrokes}`, 'same, debounce 0', '10 keystrokes 50 ms apart: last → diagnostics'],
    rows,
    notes: [
      'Each keystroke is one character typed (or deleted) in the middle of the document, sent as an incremental change; the time runs from sending it to receiving the diagnostics of that version. The server checks on its main thread: while it checks, it answers nothing else. Measured on a machine shared by several engineers (2 cores): the spread is the load of the moment, not the server.',
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const s = await lspSection(process.argv.includes('--quick'));
  console.log(`## ${s.title}\n`);
  console.log(`| ${s.header.join(' | ')} |\n|${s.header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const r of s.rows) console.log(`| ${r.join(' | ')} |`);
  console.log(`\n${s.notes.join('\n')}`);
}
