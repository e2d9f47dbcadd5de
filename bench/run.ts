// `npm run bench`: mtlint against textlint + textlint-rule-prh and `grep -F -w` on real news prose,
// with dictionaries of 100 to 100,000 phrases; start-up, a batch of articles, peak RSS; and the
// issue's targets as ratios, each PASS or FAIL. Every measurement runs in its own process; runs of
// the tools being compared alternate, and the tables give medians.
//
//   npm run bench                      full run (about 10 minutes, most of it textlint)
//   npm run bench -- --quick           small inputs, few repetitions: checks that the harness works
//   npm run bench -- --out FILE        also write the report (Markdown) to FILE
//   npm run bench -- --keep            keep the generated inputs (their folder is printed)
//   npm run bench -- --no-textlint     skip textlint (the slow part)
//   node .test-build/bench/lsp.js      the language server section alone (after npm run bench or its build)

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PIECE } from '../src/engine/lint.js';
import type { ChildResult } from './child.js';
import { ARTICLE_SEPARATOR, buildInputs, type Dictionary } from './data.js';
import { benchAudit } from './audit.js';
import { languageCost } from './language.js';
import { lspSection } from './lsp.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./child.js', import.meta.url));
const BIN = join(ROOT, 'bin', 'mtlint.cjs');
const TEXTLINT_BIN = join(ROOT, 'node_modules', 'textlint', 'bin', 'textlint.js');
const TIME = '/usr/bin/time';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const KEEP = argv.includes('--keep');
const TEXTLINT = !argv.includes('--no-textlint');
const OUT = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : undefined;

const MB = 1e6;
const BIG = QUICK ? 2 * MB : 20 * MB;
const SMALL = QUICK ? 0.1 * MB : 1 * MB;
const DICT_SIZES = [100, 1000, 10000, 100000];
const REPS = QUICK ? { lib: 1, scaling: 1, grep: 1, textlint: 1, startup: 3, big: 1, batch: 2 } : { lib: 3, scaling: 5, grep: 3, textlint: 2, startup: 10, big: 2, batch: 5 };
/** textlint + prh with 10,000 entries takes minutes per MB: one run of that pair. */
const TEXTLINT_REPS = (size: number) => (size >= 10000 ? 1 : REPS.textlint);
const BATCH = 200;
/** textlint is not run with dictionaries larger than this (100,000 entries would take ~10 min a run). */
const TEXTLINT_MAX_DICT = 10000;

let report = '';
function print(line = ''): void {
  process.stdout.write(line + '\n');
  report += line + '\n';
}
function progress(msg: string): void {
  process.stderr.write(`  · ${msg}\n`);
}

// ---------- statistics and formatting ----------

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const fmt = (x: number, digits = 0) => (Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–');
const fmtMs = (ms: number) => (ms >= 100 ? fmt(ms) : fmt(ms, 1));
const fmtMb = (kb: number) => fmt(kb / 1024);
function table(header: string[], rows: (string | number)[][]): void {
  print(`| ${header.join(' | ')} |`);
  print(`|${header.map((h, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const r of rows) print(`| ${r.join(' | ')} |`);
  print();
}

// ---------- running things ----------

interface Run {
  ms: number;
  rssKb: number;
  stdout: string;
  stdoutBytes: number;
  /** Lines written to stdout (grep -o: one per match). */
  stdoutLines: number;
  code: number | null;
  timedOut: boolean;
  /** What an mtlint run wrote to MTLINT_TIMINGS (ms from its start): first input read, report written, first worker ready. */
  timings?: { firstRead?: number; reported?: number; workerReady?: number };
}

let rssCounter = 0;
let hookPath = '';

/** Runs a command; wall time from spawn to exit; peak RSS through /usr/bin/time, or a preload for node. */
function runTimed(cmd: string, args: string[], opts: { node?: boolean; timeoutMs?: number; keepStdout?: boolean } = {}): Promise<Run> {
  const rssFile = join(workDir, `rss-${rssCounter}`);
  const timingsFile = join(workDir, `timings-${rssCounter++}`);
  let file = cmd;
  let fullArgs = args;
  if (opts.node) {
    file = process.execPath;
    fullArgs = [cmd, ...args];
  }
  if (existsSync(TIME)) {
    fullArgs = ['-f', '%M', '-o', rssFile, file, ...fullArgs];
    file = TIME;
  } else if (opts.node) {
    // NOTE: without /usr/bin/time, a preload records maxRSS; it adds ~30 ms (the ESM loader starts early).
    fullArgs = ['--import', pathToFileURL(hookPath).href, ...fullArgs];
  }
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(file, fullArgs, { cwd: ROOT, env: { ...process.env, MTLINT_BENCH_RSS: rssFile, MTLINT_TIMINGS: timingsFile, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let bytes = 0;
    let lines = 0;
    let stderr = '';
    let timedOut = false;
    // NOTE: stdout goes to a pipe, never /dev/null: GNU grep stops at the first match when it sees /dev/null.
    child.stdout.on('data', (c: Buffer) => {
      bytes += c.length;
      for (let i = c.indexOf(10); i >= 0; i = c.indexOf(10, i + 1)) lines++;
      if (opts.keepStdout) chunks.push(c);
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = opts.timeoutMs ? setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), opts.timeoutMs) : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (timer) clearTimeout(timer);
      let rssKb = NaN;
      try {
        rssKb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
      } catch {
        /* no RSS recorded (killed, or no /usr/bin/time) */
      }
      if (code !== 0 && code !== 1 && !timedOut) {
        reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`));
        return;
      }
      const timings = existsSync(timingsFile) ? (JSON.parse(readFileSync(timingsFile, 'utf8')) as Run['timings']) : undefined;
      resolve({ ms, rssKb, stdout: Buffer.concat(chunks).toString(), stdoutBytes: bytes, stdoutLines: lines, code, timedOut, timings });
    });
  });
}

async function child(task: string, args: string[]): Promise<ChildResult & { wallMs: number }> {
  const r = await runTimed(process.execPath, [CHILD, task, ...args], { keepStdout: true });
  const lines = r.stdout.trim().split('\n');
  return { ...(JSON.parse(lines[lines.length - 1]) as ChildResult), wallMs: r.ms };
}

/** Runs each job `reps` times, alternating (the order rotates each round); returns the runs per job. */
async function alternate<T>(reps: number, jobs: { name: string; run: () => Promise<T> }[]): Promise<T[][]> {
  const out: T[][] = jobs.map(() => []);
  for (let r = 0; r < reps; r++) {
    for (let k = 0; k < jobs.length; k++) {
      const j = (k + r) % jobs.length;
      progress(`${jobs[j].name} (${r + 1}/${reps})`);
      out[j].push(await jobs[j].run());
    }
  }
  return out;
}

const med = <T>(runs: T[], f: (x: T) => number) => median(runs.map(f));

// ---------- the benchmark ----------

const workDir = mkdtempSync(join(tmpdir(), 'mtlint-bench-'));

async function main(): Promise<void> {
  // The CLI refuses text files over 10 MiB unless told otherwise: the one-file row raises the limit.
  process.env.MTLINT_MAX_FILE_MB ??= '64';
  hookPath = join(workDir, 'rss-hook.mjs');
  writeFileSync(
    hookPath,
    "import { writeFileSync } from 'node:fs';\n" +
      "process.on('exit', () => writeFileSync(process.env.MTLINT_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n",
  );
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');

  const t0 = performance.now();
  progress(`building inputs in ${workDir}`);
  const inputs = buildInputs(ROOT, workDir, [BIG, SMALL], DICT_SIZES, BATCH);
  const big = inputs.corpusFiles.get(BIG)!;
  const small = inputs.corpusFiles.get(SMALL)!;
  const dict = (n: number) => inputs.dictionaries.find((d) => d.size === n)!;
  // The big corpus as a feed auditor gets it: one NDJSON record per article.
  const bigNdjson = join(workDir, 'corpus-big.ndjson');
  writeFileSync(bigNdjson, readFileSync(big.path, 'utf8').split(ARTICLE_SEPARATOR).map((text, i) => JSON.stringify({ id: `a${i}`, text })).join('\n') + '\n');
  const textlintrc = (d: Dictionary) => {
    const p = join(workDir, `textlintrc-${d.size}.json`);
    writeFileSync(p, JSON.stringify({ rules: { prh: { rulePaths: [d.prhYaml] } } }));
    return p;
  };

  const help = execFileSync(process.execPath, [BIN, '--help'], { cwd: ROOT, encoding: 'utf8' });
  const jobsOption = /--(jobs|workers)\b/.exec(help)?.[0];
  const phrasesOption = /--phrases\b/.test(help);
  const commit = (() => {
    try {
      const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
      const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'rules', 'bin'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
      return head + (dirty ? ' (src/rules modified)' : '');
    } catch {
      return 'unknown';
    }
  })();
  const grepVersion = (() => {
    try {
      return execFileSync('grep', ['--version'], { encoding: 'utf8' }).split('\n')[0];
    } catch {
      return 'grep missing';
    }
  })();

  print(`# mtlint benchmark${QUICK ? ' (--quick: small inputs, not for the targets)' : ''}`);
  print();
  print(`- ${new Date().toISOString().slice(0, 10)}, mtlint ${commit}, node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${fmt(totalmem() / 2 ** 30)} GiB`);
  print(`- textlint ${pkgVersion('textlint')} + textlint-rule-prh ${pkgVersion('textlint-rule-prh')}; ${grepVersion}, locale ${process.env.LC_ALL || process.env.LANG || 'unset'}`);
  print(`- corpus: ${fmt(inputs.corpus.uniqueBytes / MB, 1)} MB of distinct text in ${fmt(inputs.corpus.articles.length)} articles, repeated to ${fmt(big.bytes / MB, 1)} MB (${fmt(big.articles)} articles); the ${fmt(small.bytes / MB, 1)} MB corpus is its first ${fmt(small.articles)} articles. Sources: ${inputs.corpus.sources.join('; ')}`);
  print(`- dictionaries: ${DICT_SIZES.map((n) => fmt(n)).join(' / ')} multi-word phrase → correction pairs (${DICT_SIZES.map((n) => dict(n).fromCorpus).join(' / ')} of them taken from the corpus; then tortured-phrase pairs; then synthetic phrases of corpus words); the same list as mtlint TSV (\`loadPhraseTsv\`), prh YAML (\`/phrase/i\`, \`wordBoundary: true\`) and \`grep -F -w -o -f\` patterns`);
  print(`- MB = 10^6 bytes of UTF-8; times are medians of alternating runs, each in a fresh process; peak RSS is the process's maxRSS; mtlint "library" runs lint each article on its own, on one core`);
  print();

  // 1. Library throughput with every default pack.
  print(`## 1. mtlint library, one core, every default pack`);
  print();
  const [libAll, libAllWhole] = await alternate(REPS.lib, [
    { name: `mtlint default packs, ${fmt(big.bytes / MB)} MB`, run: () => child('mtlint', [big.path, '--packs', 'default']) },
    { name: `mtlint default packs, ${fmt(small.bytes / MB)} MB as one document`, run: () => child('mtlint', [small.path, '--packs', 'default', '--whole']) },
  ]);
  const libRow = (name: string, input: { bytes: number }, runs: (ChildResult & { wallMs: number })[]) => {
    const lint = med(runs, (r) => r.lintMs);
    return [name, `${fmt(input.bytes / MB, 1)} MB`, fmtMs(med(runs, (r) => r.loadMs)), fmtMs(lint), fmt(input.bytes / MB / (lint / 1000), 2), fmtMs(lint / (input.bytes / MB)), fmt(runs[0].findings), fmtMb(med(runs, (r) => r.maxRssKb))];
  };
  table(
    ['run', 'input', 'load ms', 'lint ms', 'MB/s', 'ms per MB', 'findings', 'peak RSS MB'],
    [libRow('default packs, article by article', big, libAll), libRow('default packs, the whole file as one document', small, libAllWhole)],
  );
  const throughput = big.bytes / MB / (med(libAll, (r) => r.lintMs) / 1000);

  // 2. Dictionary scaling: mtlint (the TSV rule alone) and grep on the big corpus, textlint on the small one.
  print(`## 2. Dictionary size: time per MB`);
  print();
  print(`mtlint: the TSV phrase rule alone, ${fmt(big.bytes / MB)} MB article by article (load = reading and compiling the TSV). grep: \`grep -F -w -o -f\` on the same file. textlint + prh: ${fmt(small.bytes / MB, 1)} MB file (API: \`createLinter().lintFiles\`).`);
  print();
  const scaling: { size: number; mt: (ChildResult & { wallMs: number })[]; grep: Run[]; tl?: (ChildResult & { wallMs: number })[] }[] = [];
  // Every size in every round, so that the growth ratios compare runs of the same minutes; more
  // rounds than elsewhere, as the growth is a ratio of two noisy medians.
  const scalingRuns = await alternate<unknown>(
    REPS.scaling,
    DICT_SIZES.flatMap((size) => {
      const d = dict(size);
      return [
        { name: `mtlint --phrases ${fmt(size)}, ${fmt(big.bytes / MB)} MB`, run: () => child('mtlint', [big.path, '--packs', 'none', '--phrases', d.tsv]) },
        { name: `grep ${fmt(size)}, ${fmt(big.bytes / MB)} MB`, run: () => runTimed('grep', ['-F', '-w', '-o', '-f', d.grepPatterns, big.path]) },
      ];
    }),
  );
  DICT_SIZES.forEach((size, k) => {
    scaling.push({ size, mt: scalingRuns[2 * k] as (ChildResult & { wallMs: number })[], grep: scalingRuns[2 * k + 1] as Run[] });
  });
  // textlint, alternating with mtlint on the same small file (the 10,000-entry pair is also section 3).
  const vsTextlint: Record<string, (ChildResult & { wallMs: number })[]> = {};
  let grepSmall: Run[] = [];
  if (TEXTLINT) {
    for (const size of DICT_SIZES.filter((n) => n <= TEXTLINT_MAX_DICT)) {
      const d = dict(size);
      const jobs = [
        { name: `textlint+prh ${fmt(size)}, ${fmt(small.bytes / MB, 1)} MB`, run: () => child('textlint', [small.path, '--rc', textlintrc(d)]) },
        { name: `mtlint --phrases ${fmt(size)}, ${fmt(small.bytes / MB, 1)} MB`, run: () => child('mtlint', [small.path, '--packs', 'none', '--phrases', d.tsv]) },
      ];
      if (size === 10000) jobs.push({ name: `mtlint default packs + --phrases ${fmt(size)}, ${fmt(small.bytes / MB, 1)} MB`, run: () => child('mtlint', [small.path, '--packs', 'default', '--phrases', d.tsv]) });
      const runs = await alternate(TEXTLINT_REPS(size), jobs);
      scaling.find((s) => s.size === size)!.tl = runs[0];
      if (size === 10000) {
        vsTextlint.textlint = runs[0];
        vsTextlint.mtlint = runs[1];
        vsTextlint.mtlintAll = runs[2];
      }
    }
    grepSmall = (await alternate(REPS.grep, [{ name: 'grep 10,000, small', run: () => runTimed('grep', ['-F', '-w', '-o', '-f', dict(10000).grepPatterns, small.path]) }]))[0];
  }
  const perMb = (ms: number, bytes: number) => ms / (bytes / MB);
  const coverage = new Map(DICT_SIZES.map((n) => [n, prefixCoverage(readFileSync(small.path, 'utf8'), readFileSync(dict(n).grepPatterns, 'utf8'))]));
  table(
    ['entries', 'tokens starting an entry', 'mean prefix depth', 'mtlint load ms', 'mtlint ms/MB', 'mtlint MB/s', 'grep ms/MB', 'grep MB/s', 'textlint+prh ms/MB', 'mtlint findings', 'grep matches', 'textlint findings', 'mtlint peak RSS MB'],
    scaling.map((s) => {
      const mtMs = med(s.mt, (r) => r.lintMs);
      const grepMs = med(s.grep, (r) => r.ms);
      const tlMs = s.tl ? med(s.tl, (r) => r.loadMs + r.lintMs) : NaN;
      const cov = coverage.get(s.size)!;
      return [
        fmt(s.size),
        `${fmt(cov.starting * 100)} %`,
        fmt(cov.depth, 2),
        fmtMs(med(s.mt, (r) => r.loadMs)),
        fmtMs(perMb(mtMs, big.bytes)),
        fmt(big.bytes / MB / (mtMs / 1000), 1),
        fmtMs(perMb(grepMs, big.bytes)),
        fmt(big.bytes / MB / (grepMs / 1000), 1),
        s.tl ? fmt(perMb(tlMs, small.bytes)) : TEXTLINT ? 'not run (too slow)' : 'skipped',
        `${fmt(s.mt[0].findings)}`,
        `${fmt(countLines(s.grep[0]))}`,
        s.tl ? `${fmt(s.tl[0].findings)} (of ${fmt(small.bytes / MB, 1)} MB)` : '–',
        fmtMb(med(s.mt, (r) => r.maxRssKb)),
      ];
    }),
  );
  const mtPerMb = (size: number) => med(scaling.find((s) => s.size === size)!.mt, (r) => r.lintMs);
  const growth = mtPerMb(100000) / mtPerMb(100);
  const grepGrowth = med(scaling.find((s) => s.size === 100000)!.grep, (r) => r.ms) / med(scaling.find((s) => s.size === 100)!.grep, (r) => r.ms);
  const pairs = (size: number) => scaling.find((s) => s.size === size)!.mt.map((r) => r.lintMs);
  const roundRatios = pairs(100000).map((ms, r) => ms / pairs(100)[r]);
  print(`Per-MB time from 100 to 100,000 entries: mtlint ×${fmt(growth, 2)} (median of the ${roundRatios.length} rounds' own ratios ×${fmt(median(roundRatios), 2)}, from ×${fmt(Math.min(...roundRatios), 2)} to ×${fmt(Math.max(...roundRatios), 2)}), grep ×${fmt(grepGrowth, 2)}. "Tokens starting an entry": share of the corpus's words that are the first word of some entry (the matcher must look further there); "mean prefix depth": words matched along the trie from such a word.`);
  print();

  // 3. Against textlint + prh with the same 10,000 entries.
  let textlintRatio = NaN;
  if (TEXTLINT && vsTextlint.textlint) {
    print(`## 3. Same 10,000-entry dictionary on ${fmt(small.bytes / MB, 1)} MB: mtlint vs textlint + prh vs grep`);
    print();
    const row = (name: string, runs: (ChildResult & { wallMs: number })[]) => {
      const total = med(runs, (r) => r.loadMs + r.lintMs);
      return [name, fmtMs(med(runs, (r) => r.loadMs)), fmtMs(med(runs, (r) => r.lintMs)), fmtMs(total), fmtMs(med(runs, (r) => r.wallMs)), fmt(small.bytes / MB / (total / 1000), 3), fmt(runs[0].findings), fmtMb(med(runs, (r) => r.maxRssKb))];
    };
    const tl = med(vsTextlint.textlint, (r) => r.loadMs + r.lintMs);
    const mt = med(vsTextlint.mtlint, (r) => r.loadMs + r.lintMs);
    textlintRatio = tl / mt;
    const grepMs = med(grepSmall, (r) => r.ms);
    table(
      ['tool', 'load ms', 'lint ms', 'load + lint ms', 'process wall ms', 'MB/s (load + lint)', 'findings', 'peak RSS MB'],
      [
        row('mtlint, the TSV rule alone', vsTextlint.mtlint),
        row('mtlint, default packs + TSV', vsTextlint.mtlintAll),
        row('textlint + textlint-rule-prh', vsTextlint.textlint),
        ['grep -F -w -o -f', '–', '–', fmtMs(grepMs), fmtMs(grepMs), fmt(small.bytes / MB / (grepMs / 1000), 1), fmt(countLines(grepSmall[0])), fmtMb(med(grepSmall, (r) => r.rssKb))],
      ],
    );
    print(`textlint + prh / mtlint (load + lint, same dictionary): ×${fmt(textlintRatio, 1)}; with every default pack on as well: ×${fmt(tl / med(vsTextlint.mtlintAll, (r) => r.loadMs + r.lintMs), 1)}. mtlint / grep: ×${fmt(mt / grepMs, 2)}.`);
    print();
  }

  // 4. Whole processes: start-up, one big file, a batch.
  print(`## 4. Whole process (\`node bin/mtlint.cjs …\`), wall time`);
  print();
  const cli = (args: string[], timeoutMs = 600_000) => () => runTimed(BIN, args, { node: true, timeoutMs });
  const startupJobs = [
    { name: 'node -e 0', run: () => runTimed('-e', ['0'], { node: true }) },
    { name: 'mtlint 3 KB', run: cli([inputs.article3k.path]) },
  ];
  if (phrasesOption) startupJobs.push({ name: 'mtlint 3 KB --phrases 10,000', run: cli(['--phrases', dict(10000).tsv, inputs.article3k.path]) });
  const startup = await alternate(REPS.startup, startupJobs);
  const textlintStartup = TEXTLINT
    ? (await alternate(Math.min(3, REPS.startup), [{ name: 'textlint 3 KB', run: () => runTimed(TEXTLINT_BIN, ['--config', textlintrc(dict(10000)), inputs.article3k.path], { node: true }) }]))[0]
    : [];
  const [bigCli, bigNd] = await alternate(REPS.big, [
    { name: `mtlint CLI ${fmt(big.bytes / MB)} MB file`, run: cli([big.path], 900_000) },
    { name: `mtlint CLI ${fmt(big.bytes / MB)} MB NDJSON, --format ndjson`, run: cli(['--format', 'ndjson', bigNdjson], 900_000) },
  ]);
  const batchJobs = [{ name: `mtlint CLI batch of ${inputs.batchDir.files}`, run: cli([inputs.batchDir.path]) }];
  if (jobsOption) {
    batchJobs.push({ name: `batch ${jobsOption} 1`, run: cli([jobsOption, '1', inputs.batchDir.path]) });
    batchJobs.push({ name: `batch ${jobsOption} 2`, run: cli([jobsOption, '2', inputs.batchDir.path]) });
  }
  const batch = await alternate(REPS.batch, batchJobs);
  // Not a target: the same comparison where the threads have ten times the work.
  const bigBatch = jobsOption
    ? await alternate(Math.min(3, REPS.batch), [
        { name: `big batch ${jobsOption} 1`, run: cli([jobsOption, '1', inputs.bigBatchDir.path]) },
        { name: `big batch ${jobsOption} 2`, run: cli([jobsOption, '2', inputs.bigBatchDir.path]) },
      ])
    : [];
  const wall = (runs: Run[]) => (runs.some((r) => r.timedOut) ? 'timed out' : fmtMs(med(runs, (r) => r.ms)));
  const cliRows: (string | number)[][] = [
    ['`node -e 0` (Node.js start-up alone)', '–', wall(startup[0]), fmtMb(med(startup[0], (r) => r.rssKb))],
    [`mtlint, ${fmt(inputs.article3k.bytes / 1000, 1)} KB article, every pack loaded`, fmt(inputs.article3k.bytes / 1000, 1) + ' KB', wall(startup[1]), fmtMb(med(startup[1], (r) => r.rssKb))],
  ];
  if (phrasesOption) cliRows.push([`mtlint --phrases (10,000 entries), same article`, fmt(inputs.article3k.bytes / 1000, 1) + ' KB', wall(startup[2]), fmtMb(med(startup[2], (r) => r.rssKb))]);
  else cliRows.push(['mtlint --phrases', '–', 'option missing', '–']);
  if (TEXTLINT) cliRows.push([`textlint + prh (10,000 entries), same article`, fmt(inputs.article3k.bytes / 1000, 1) + ' KB', wall(textlintStartup), fmtMb(med(textlintStartup, (r) => r.rssKb))]);
  cliRows.push([`mtlint, one ${fmt(big.bytes / MB)} MB text file (MTLINT_MAX_FILE_MB=64; ${fmt(bigCli[0].stdoutBytes / MB, 1)} MB of report)`, `${fmt(big.bytes / MB, 1)} MB`, wall(bigCli), fmtMb(med(bigCli, (r) => r.rssKb))]);
  cliRows.push([`mtlint --format ndjson, the same ${fmt(big.articles)} articles as NDJSON records, streamed (${fmt(bigNd[0].stdoutBytes / MB, 1)} MB of report)`, `${fmt(big.bytes / MB, 1)} MB`, wall(bigNd), fmtMb(med(bigNd, (r) => r.rssKb))]);
  cliRows.push([`mtlint, ${inputs.batchDir.files} articles in one process`, `${fmt(inputs.batchDir.bytes / 1000)} KB`, wall(batch[0]), fmtMb(med(batch[0], (r) => r.rssKb))]);
  if (jobsOption) {
    cliRows.push([`mtlint ${jobsOption} 1, same batch`, `${fmt(inputs.batchDir.bytes / 1000)} KB`, wall(batch[1]), fmtMb(med(batch[1], (r) => r.rssKb))]);
    cliRows.push([`mtlint ${jobsOption} 2, same batch`, `${fmt(inputs.batchDir.bytes / 1000)} KB`, wall(batch[2]), fmtMb(med(batch[2], (r) => r.rssKb))]);
    cliRows.push([`mtlint ${jobsOption} 1, ${fmt(inputs.bigBatchDir.files)} articles`, `${fmt(inputs.bigBatchDir.bytes / MB, 1)} MB`, wall(bigBatch[0]), fmtMb(med(bigBatch[0], (r) => r.rssKb))]);
    cliRows.push([`mtlint ${jobsOption} 2, ${fmt(inputs.bigBatchDir.files)} articles`, `${fmt(inputs.bigBatchDir.bytes / MB, 1)} MB`, wall(bigBatch[1]), fmtMb(med(bigBatch[1], (r) => r.rssKb))]);
  } else {
    cliRows.push(['mtlint --jobs / --workers', '–', 'option missing', '–']);
  }
  table(['run', 'input', 'wall ms', 'peak RSS MB'], cliRows);
  const startupMs = med(startup[1], (r) => r.ms);
  const bigRss = med(bigNd, (r) => r.rssKb);
  const bigFileRss = med(bigCli, (r) => r.rssKb);
  const jobsSpeedup = jobsOption ? med(batch[1], (r) => r.ms) / med(batch[2], (r) => r.ms) : NaN;
  const bigJobsSpeedup = jobsOption ? med(bigBatch[0], (r) => r.ms) / med(bigBatch[1], (r) => r.ms) : NaN;
  print(`Batch in one process: ${fmt(med(batch[0], (r) => r.ms) / inputs.batchDir.files, 1)} ms per article (default --jobs: one thread per core less one). ${jobsOption ?? '--jobs'} 2 vs 1 on the ${inputs.batchDir.files}-article batch: ×${fmt(jobsSpeedup, 2)}; on ${fmt(inputs.bigBatchDir.files)} articles: ×${fmt(bigJobsSpeedup, 2)}. The text file is linted in pieces of ≈ ${fmt(PIECE)} characters cut at blank lines; NDJSON records are read, linted and reported one at a time.`);
  print();
  if (jobsOption && batch[1].every((r) => r.timings?.reported !== undefined)) {
    // Where the whole-process ratio goes: start-up S (process start → first file read), the lint
    // phase L (first file read → report written) and W, how long after the first file read the
    // worker is ready (it starts with the process and loads its rules while the main thread loads
    // its own, then lints alone). With two threads as fast as one: (S + L) / (S + W + (L - W) / 2).
    const phase = (r: Run) => r.timings!.reported! - r.timings!.firstRead!;
    const rows = [
      { name: `${inputs.batchDir.files} articles`, runs: [batch[1], batch[2]] },
      { name: `${fmt(inputs.bigBatchDir.files)} articles`, runs: [bigBatch[0], bigBatch[1]] },
    ].map(({ name, runs: [one, two] }) => {
      const s = med(one, (r) => r.timings!.firstRead!);
      const l1 = med(one, phase);
      const l2 = med(two, phase);
      const w = med(two, (r) => (r.timings!.workerReady ?? NaN) - r.timings!.firstRead!);
      return [name, fmtMs(s), fmtMs(l1), fmtMs(med(two, (r) => r.timings!.firstRead!)), fmtMs(w), fmtMs(l2), `×${fmt(l1 / l2, 2)}`, `×${fmt(med(one, (r) => r.ms) / med(two, (r) => r.ms), 2)}`, `×${fmt((s + l1) / (s + (l1 + Math.max(0, w)) / 2), 2)}`];
    });
    print(`Lint phase (first file read → report written, from timestamps the CLI writes to MTLINT_TIMINGS) of the same runs, medians:`);
    print();
    table([`batch`, `${jobsOption} 1: start-up S ms`, `${jobsOption} 1: lint phase L ms`, `${jobsOption} 2: start-up ms`, `${jobsOption} 2: worker ready W ms after first read`, `${jobsOption} 2: lint phase ms`, 'lint-phase ratio', 'whole-process ratio', 'bound (S + L) / (S + W + (L - W)/2)'], rows);
  }

  // What finding the lines not in English costs (rules that assume English skip them).
  {
    const sample: string[] = [];
    for (let n = 0, i = 0; n < (QUICK ? 0.2 : 2) * MB && i < inputs.corpus.articles.length; i++) {
      sample.push(inputs.corpus.articles[i]);
      n += Buffer.byteLength(inputs.corpus.articles[i]);
    }
    progress('language test cost');
    const c = languageCost(sample, QUICK ? 2 : 7);
    print(`## 5. The language test (lines not in English), one process, alternating, medians of ${QUICK ? 2 : 7}`);
    print();
    table(
      ['text', 'every default rule, ms/MB', 'without the test, ms/MB', 'cost', 'the test alone on fresh documents (tokens included), ms/MB', 'lines taken for another language'],
      [[`${fmt(c.mb, 1)} MB, ${c.articles} articles`, fmt(c.withTest, 1), fmt(c.without, 1), `${fmt(((c.withTest - c.without) / c.without) * 100, 1)} %`, fmt(c.alone, 1), c.foreign]],
    );
  }

  // 6. The language server (bench/lsp.ts).
  progress('language server: keystroke to diagnostics');
  const lsp = await lspSection(QUICK);
  print(`## 6. ${lsp.title}`);
  print();
  table(lsp.header, lsp.rows);
  for (const note of lsp.notes) print(note);
  print();
  const audit = await benchAudit({ root: ROOT, bin: BIN, quick: QUICK, workDir, print, progress });

  // Targets.
  print(`## Targets (from this run)`);
  print();
  const targets: [string, string, number, boolean, string][] = [
    ['≥ 10 MB/s on one core, every default pack, 20 MB', `${fmt(throughput, 2)} MB/s`, throughput / 10, throughput >= 10, 'section 1'],
    ['≥ 200× faster than textlint + prh, 10,000 entries, 1 MB', TEXTLINT ? `×${fmt(textlintRatio, 1)}` : 'not run', textlintRatio / 200, textlintRatio >= 200, 'section 3, load + lint'],
    ['≤ 150 ms wall for a 3 KB article, all packs loaded', `${fmt(startupMs)} ms`, 150 / startupMs, startupMs <= 150, 'section 4'],
    ['per-MB time grows < 1.5× from 100 to 100,000 entries', `×${fmt(growth, 2)}`, 1.5 / growth, growth < 1.5, 'section 2, mtlint'],
    ['peak RSS ≤ 150 MB on 20 MB input', `${fmtMb(bigRss)} MB streamed (one text file: ${fmtMb(bigFileRss)} MB)`, (150 * 1024) / bigRss, bigRss <= 150 * 1024, 'section 4, NDJSON'],
    ['2 workers ≥ 1.8× one worker, 200 articles', jobsOption ? `×${fmt(jobsSpeedup, 2)}` : 'no --jobs option', jobsOption ? jobsSpeedup / 1.8 : 0, jobsOption ? jobsSpeedup >= 1.8 : false, 'section 4'],
    audit.target,
  ];
  table(
    ['target', 'measured', 'measured / target (≥ 1 passes)', 'result', 'from'],
    targets.map(([name, value, ratio, pass, from]) => [
      name,
      value,
      fmt(ratio, 2),
      !Number.isFinite(ratio) ? 'not measured' : QUICK ? `${pass ? 'PASS' : 'FAIL'} (quick)` : pass ? '**PASS**' : '**FAIL**',
      from,
    ]),
  );
  print(`Total bench time: ${fmt((performance.now() - t0) / 1000)} s.`);
  if (OUT) writeFileSync(OUT, report);
}

function countLines(r: Run): number {
  return r.stdoutLines;
}

/** How much of the text the dictionary's trie touches: the share of words that begin an entry, and the mean matched prefix length from those. */
function prefixCoverage(text: string, patterns: string): { starting: number; depth: number } {
  const prefixes = new Set<string>();
  for (const line of patterns.split('\n')) {
    const words = line.toLowerCase().split(' ').filter(Boolean);
    for (let k = 1; k <= words.length; k++) prefixes.add(words.slice(0, k).join(' '));
  }
  const words = text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+(?:['’‑-][\p{L}\p{M}\p{N}]+)*/gu) ?? [];
  let starting = 0;
  let depth = 0;
  for (let i = 0; i < words.length; i++) {
    if (!prefixes.has(words[i])) continue;
    starting++;
    let key = words[i];
    let d = 1;
    while (i + d < words.length && prefixes.has(`${key} ${words[i + d]}`)) key += ` ${words[i + d++]}`;
    depth += d;
  }
  return { starting: starting / Math.max(1, words.length), depth: depth / Math.max(1, starting) };
}

function pkgVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'missing';
  }
}

try {
  await main();
} finally {
  if (KEEP) process.stderr.write(`inputs kept in ${workDir}\n`);
  else rmSync(workDir, { recursive: true, force: true });
}
