// `mtlint serve [FILES…]`: the command-line side of the review page — its options, the rules and
// files as the lint command would take them, then the server (src/serve/) until Ctrl+C.

import { spawn } from 'node:child_process';
import { parseArgs as parseArgsUtil } from 'node:util';
import { makeIgnore } from '../config/ignore.js';
import { describe, RuleError, UsageError } from '../engine/errors.js';
import { styleNames } from '../engine/style.js';
import { loadRules, loadRuleSet, maxFileBytes, type InputFormat, type RuleSet, type RuleSetOptions } from '../index.js';
import { expandInputs } from '../io/expand.js';
import { INPUT_FORMATS } from '../io/formats/index.js';
import { isLoopback, startServer } from '../serve/server.js';

const HELP = `mtlint serve [options] [FILES…]

Opens a local review page for copy editors: each finding shown in place, accepted or rejected
one by one, saved back to the file (only the files named here) or downloaded.

  --port N              port to listen on (default: a free one)
  --host HOST           interface to listen on (default 127.0.0.1; anything else is reachable
                        from other machines: a warning is printed)
  --open                open the page in the default browser
  --input-format F      auto (default), text, markdown, html, feed, ndjson
  --style NAME          house style (ap, reuters, bbc); the page can change it
  --rule ID, --disable-rule ID, --rules DIR, --phrases FILE.tsv
                        choose rules, as for the lint command
  --config FILE, --no-config, --no-inline-config, --no-ignore
                        as for the lint command
  -h, --help            this help
`;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  open: { type: 'boolean' },
  'input-format': { type: 'string' },
  style: { type: 'string' },
  rule: { type: 'string', multiple: true },
  'disable-rule': { type: 'string', multiple: true },
  rules: { type: 'string', multiple: true },
  phrases: { type: 'string', multiple: true },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  'inline-config': { type: 'boolean', default: true },
  ignore: { type: 'boolean', default: true },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function serve(argv: string[]): Promise<number> {
  try {
    return await serveWith(argv);
  } catch (e) {
    if (!(e instanceof UsageError || e instanceof RuleError || e instanceof ArgError)) throw e;
    process.stderr.write(`mtlint: ${e.message}\n`);
    return 2;
  }
}

class ArgError extends Error {}

async function serveWith(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgsUtil({ args: argv, options: OPTIONS, strict: true, allowPositionals: true, allowNegative: true });
  } catch (e) {
    throw new ArgError(`serve: ${(e as Error).message.split('\n')[0]} (see mtlint serve --help)`);
  }
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const port = v.port === undefined ? 0 : Number(v.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || v.port?.trim() === '') throw new ArgError('serve: --port takes a whole number from 0 to 65535');
  const inputFormat = (v['input-format'] ?? 'auto') as InputFormat | 'auto';
  if (inputFormat !== 'auto' && !INPUT_FORMATS.includes(inputFormat)) throw new ArgError(`serve: --input-format is one of auto, ${INPUT_FORMATS.join(', ')}`);
  const split = (list: string[] | undefined) => (list ?? []).flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
  const ruleArgs: RuleSetOptions = {
    config: v['no-config'] ? false : v.config,
    rules: v.rules ?? [],
    phrases: v.phrases ?? [],
    style: v.style,
    rule: split(v.rule),
    disableRule: split(v['disable-rule']),
  };
  const cwd = process.cwd();
  const first = loadRuleSet(ruleArgs, cwd);
  const byStyle = new Map<string | undefined, RuleSet>([[undefined, first]]);
  const rulesFor = (style: string | undefined) => {
    if (!byStyle.has(style)) byStyle.set(style, loadRuleSet({ ...ruleArgs, style }, cwd, first.config));
    return byStyle.get(style)!;
  };

  const files = await expandInputs(parsed.positionals, {
    ignored: v.ignore ? makeIgnore(first.config, cwd) : undefined,
    onIgnored: (p) => process.stderr.write(`mtlint: ${p} is ignored (.mtlintignore or the configuration's ignore; --no-ignore serves it)\n`),
  });
  if (files.includes('-')) throw new ArgError('serve: standard input (-) cannot be served: paste the text into the page instead');

  const host = v.host ?? '127.0.0.1';
  let server;
  try {
    server = await startServer({
      host,
      port,
      files,
      rulesFor,
      styles: styleNames(loadRules({ verify: false })),
      style: ruleArgs.style ?? first.config.style,
      inputFormat,
      inlineConfig: v['inline-config'],
      maxBytes: maxFileBytes(),
    });
  } catch (e) {
    throw new UsageError(`serve: cannot listen on ${host}:${port}: ${describe(e)}`);
  }
  // Listening for Ctrl+C before saying where the page is: a signal sent on seeing the URL is handled.
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  if (!isLoopback(host)) {
    process.stderr.write(`mtlint: warning: serving on ${host}, not only this machine: anyone who can reach port ${server.port} here can read the page, and with it read and overwrite the files named\n`);
  }
  process.stdout.write(`mtlint serve: ${server.url}  (${files.length} file${files.length === 1 ? '' : 's'}; Ctrl+C stops)\n`);
  if (v.open) openBrowser(server.url);
  await stopped;
  await server.close();
  return 0;
}

/** The system's way of opening a URL; a failure is told, not fatal. */
function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`mtlint: could not open a browser (${cmd}); open ${url} yourself\n`));
  child.unref();
}
