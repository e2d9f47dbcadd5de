// The feed audit in `npm run bench`: `mtlint audit --format ndjson -` over a stream of 200,000
// articles (2,000 with --quick) generated here — real news prose from ../shared/data (the BBC
// year, WMT21 system outputs, the seed article; else the samples) repeated with small changes
// (ids, sources, dates, a rotated paragraph) — piped into standard input, never written to disk
// or into the repository. Prints articles per second and peak RSS (/usr/bin/time) against the
// issue's target (≤ 250 MB).

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readTsv } from '../scripts/tsv.js';

export interface AuditBench {
  articles: number;
  ms: number;
  rssKb: number;
  perSecond: number;
  /** A row for the targets table: [target, measured, ratio, pass, from]. */
  target: [string, string, number, boolean, string];
}

/** Distinct article texts to repeat. */
function baseArticles(root: string): { texts: string[]; from: string } {
  const data = join(root, '..', 'shared', 'data');
  const texts: string[] = [];
  if (existsSync(data)) {
    const bbc = join(data, 'clean-english-bbc', 'bbc-news-2004-2005.ndjson');
    if (existsSync(bbc)) for (const l of readFileSync(bbc, 'utf8').split('\n')) if (l.trim()) texts.push((JSON.parse(l) as { text: string }).text);
    const hyps = join(data, 'mt-dev', 'newstest2021.ru-en.hyps.tsv');
    if (existsSync(hyps)) {
      const docs = new Map<string, string[]>();
      for (const r of readTsv(hyps)) {
        const k = `${r.system}\u0000${r.doc_id}`;
        (docs.get(k) ?? docs.set(k, []).get(k)!).push(r.hyp);
      }
      for (const segs of docs.values()) texts.push(segs.join('\n\n'));
    }
    const seed = join(data, '..', 'seed', 'article.txt');
    if (existsSync(seed)) texts.push(readFileSync(seed, 'utf8'));
  }
  const from = texts.length > 0 ? 'the BBC year, WMT21 ru→en system outputs and the seed article from ../shared' : 'samples/*.txt';
  if (texts.length === 0) for (const f of readdirSync(join(root, 'samples')).filter((x) => x.endsWith('.txt'))) texts.push(readFileSync(join(root, 'samples', f), 'utf8'));
  return { texts, from };
}

/** Article i of the stream: a base text with its paragraphs rotated on odd rounds, under one of 25 sources. */
function record(i: number, texts: string[]): string {
  const base = texts[i % texts.length];
  const round = Math.floor(i / texts.length);
  let text = base;
  if (round % 2 === 1) {
    const paras = base.split('\n\n');
    text = [paras[0], ...paras.slice(2), paras[1] ?? ''].filter(Boolean).join('\n\n');
  }
  const day = String(1 + (i % 28)).padStart(2, '0');
  return JSON.stringify({ id: `bench-${i}`, url: `https://source${i % 25}.example/news/${i}`, date: `2026-02-${day}T12:00:00Z`, text }) + '\n';
}

export async function benchAudit(o: { root: string; bin: string; quick: boolean; workDir: string; print: (s?: string) => void; progress: (s: string) => void }): Promise<AuditBench> {
  const n = o.quick ? 2000 : 200000;
  const { texts, from } = baseArticles(o.root);
  const rssFile = join(o.workDir, 'audit-rss');
  const time = existsSync('/usr/bin/time');
  o.progress(`audit: ${n.toLocaleString('en-US')} articles through mtlint audit --input-format ndjson --format ndjson -`);
  const args = [o.bin, 'audit', '--input-format', 'ndjson', '--format', 'ndjson', '--source-field', 'url', '--no-progress', '-'];
  const t0 = performance.now();
  const child = time ? spawn('/usr/bin/time', ['-f', '%M', '-o', rssFile, process.execPath, ...args], { cwd: o.root }) : spawn(process.execPath, args, { cwd: o.root });
  let lines = 0;
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    for (let i = c.indexOf(10); i >= 0; i = c.indexOf(10, i + 1)) lines++;
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  for (let i = 0; i < n; i++) {
    if (!child.stdin.write(record(i, texts))) await new Promise((r) => child.stdin.once('drain', r));
  }
  child.stdin.end();
  const code = await closed;
  const ms = performance.now() - t0;
  if (code !== 0 && code !== 1) throw new Error(`mtlint audit exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`);
  const rssKb = time ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : NaN;
  const articlesOut = lines - 26; // 25 sources and the total follow the articles
  const perSecond = (n / ms) * 1000;
  o.print(`## 7. Feed audit (\`mtlint audit\`)`);
  o.print();
  o.print(
    `${n.toLocaleString('en-US')} NDJSON articles (${texts.length.toLocaleString('en-US')} distinct texts from ${from}, repeated with paragraphs rotated, 25 sources) piped into ` +
      `\`mtlint audit --input-format ndjson --format ndjson --source-field url -\` (default --jobs), one run: ${Math.round(perSecond).toLocaleString('en-US')} articles/s ` +
      `(${(ms / 1000).toFixed(1)} s wall, ${articlesOut.toLocaleString('en-US')} article rows written), peak RSS ${time ? `${Math.round(rssKb / 1024)} MB` : 'not measured (no /usr/bin/time)'}. ` +
      `The machine is shared with other engineers' work: the rate is indicative, not precise.`,
  );
  o.print();
  const mb = rssKb / 1024;
  return {
    articles: n,
    ms,
    rssKb,
    perSecond,
    target: [`audit: peak RSS ≤ 250 MB on ${n.toLocaleString('en-US')} articles`, `${Math.round(mb)} MB, ${Math.round(perSecond)} articles/s`, 250 / mb, mb <= 250, 'feed audit section'],
  };
}
