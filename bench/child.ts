// One measurement in a fresh process, so each gets a cold start and its own peak RSS. Prints one
// line of JSON. Tasks:
//   mtlint   CORPUS [--packs default|none] [--phrases TSV] [--whole]   the library on a corpus file
//   textlint CORPUS --rc TEXTLINTRC                                     textlint's API on a file

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ARTICLE_SEPARATOR } from './data.js';

export interface ChildResult {
  loadMs: number;
  lintMs: number;
  findings: number;
  bytes: number;
  maxRssKb: number;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function mtlint(args: string[]): Promise<ChildResult> {
  const file = args[0];
  const packs = option(args, '--packs') ?? 'default';
  const phrases = option(args, '--phrases');
  const t0 = performance.now();
  const { loadRules } = await import('../src/engine/load.js');
  const { loadPhraseTsv } = await import('../src/engine/phrases-tsv.js');
  const { lintText, prepareRules } = await import('../src/engine/lint.js');
  const rules = packs === 'default' ? loadRules({ verify: false }).filter((r) => r.enabled) : [];
  if (phrases) rules.push(loadPhraseTsv(phrases));
  prepareRules(rules);
  const t1 = performance.now();
  const text = readFileSync(file, 'utf8');
  // A feed is many articles: lint each on its own unless --whole.
  const docs = args.includes('--whole') ? [text] : text.split(ARTICLE_SEPARATOR);
  const t2 = performance.now();
  let findings = 0;
  for (const doc of docs) findings += lintText(doc, rules).length;
  const t3 = performance.now();
  return { loadMs: t1 - t0, lintMs: t3 - t2, findings, bytes: Buffer.byteLength(text), maxRssKb: process.resourceUsage().maxRSS };
}

async function textlint(args: string[]): Promise<ChildResult> {
  const file = args[0];
  const rc = option(args, '--rc')!;
  const t0 = performance.now();
  const { createLinter, loadTextlintrc } = await import('textlint');
  const descriptor = await loadTextlintrc({ configFilePath: rc });
  const linter = createLinter({ descriptor });
  const t1 = performance.now();
  // NOTE: prh compiles its dictionary when the rule first runs, so that cost is in lintMs.
  const results = await linter.lintFiles([file]);
  const t2 = performance.now();
  const findings = results.reduce((n, r) => n + r.messages.length, 0);
  return { loadMs: t1 - t0, lintMs: t2 - t1, findings, bytes: readFileSync(file).length, maxRssKb: process.resourceUsage().maxRSS };
}

const [task, ...args] = process.argv.slice(2);
const tasks: Record<string, (a: string[]) => Promise<ChildResult>> = { mtlint, textlint };
if (!(task in tasks)) {
  process.stderr.write(`unknown task ${task}\n`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(await tasks[task](args)) + '\n');
