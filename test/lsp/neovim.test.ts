// `mtlint lsp` in a real editor: Debian's Neovim (0.7.2, headless, its built-in LSP client) runs
// test/lsp/neovim.lua, which attaches the server to an article, prints the diagnostics, applies a
// code action through vim.lsp.buf.code_action() and writes the file. The diagnostics must be where
// the CLI reports them (Neovim converts the server's UTF-16 columns to bytes), the first action
// must write the CLI's fix, and "fix all" must write what `mtlint --fix` writes.
// Skipped, with one line, where nvim is not installed (.ci/run installs it).

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { applyEdits } from '../../src/fix/apply.js';
import type { Edit } from '../../src/types.js';
import { BIN, HAS_SHARED, mtlint, ROOT, SHARED, tempDir } from '../helpers.js';
import type { CliFinding } from './client.js';

const SCRIPT = join(ROOT, 'test', 'lsp', 'neovim.lua');
const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const NVIM = version.status === 0 ? version.stdout.split('\n')[0] : undefined;
if (!NVIM) console.log('  Neovim tests skipped: nvim is not installed (apt-get install -y neovim; .ci/run does it)');


/** Runs Neovim on a copy of `text`: its report lines and the file it wrote. */
function neovim(name: string, text: string, pick: string): { report: string[]; written: string; path: string } {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  const out = `${path}.report`;
  const r = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${SCRIPT}`], {
    cwd: ROOT,
    env: { ...process.env, MTLINT_NODE: process.execPath, MTLINT_BIN: BIN, MTLINT_FILE: path, MTLINT_OUT: out, MTLINT_PICK: pick },
    encoding: 'utf8',
    timeout: 90_000,
  });
  const report = readFileSync(out, 'utf8').trimEnd().split('\n');
  assert.is(r.status, 0, `nvim exited ${r.status}: ${report.filter((l) => l.startsWith('FAIL')).join('; ')} ${r.stderr}`);
  return { report, written: readFileSync(path, 'utf8'), path };
}

/** The diagnostics Neovim must show for the CLI's findings: 0-based lines, byte columns, its severity numbers. */
function expectedLines(text: string, findings: CliFinding[]): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  const byte = (line: number, column: number) => Buffer.byteLength(lines[line - 1].slice(0, column - 1));
  const severity = { error: 1, warning: 2, info: 3 };
  return findings.map((f) => `diagnostic ${f.line - 1}:${byte(f.line, f.column)}-${f.endLine - 1}:${byte(f.endLine, f.endColumn)} ${severity[f.severity]} ${f.message}`);
}

function cliFindings(path: string): CliFinding[] {
  return (JSON.parse(mtlint(['--format', 'json', path]).stdout) as { files: { findings: CliFinding[] }[] }).files[0].findings;
}

const source = HAS_SHARED ? join(SHARED, 'seed', 'article.txt') : join(ROOT, 'samples', 'ceasefire-talks.txt');

test(`Neovim: the ${HAS_SHARED ? 'seed article' : 'sample article (../shared is absent)'}: diagnostics where the CLI has them; the first code action writes the CLI's fix`, () => {
  if (!NVIM) return;
  const text = readFileSync(source, 'utf8');
  const { report, written, path } = neovim('article.txt', text, 'first');
  writeFileSync(path, text);
  const cli = cliFindings(path);
  if (HAS_SHARED) assert.is(cli.length, 16);
  assert.equal(report.filter((l) => l.startsWith('diagnostic ')), expectedLines(text, cli));
  assert.equal(report.filter((l) => l.startsWith('action ')).slice(0, 2), [`action Replace \`${text.slice(cli[0].fix!.start, cli[0].fix!.end)}\` with \`${cli[0].fix!.text}\``, 'action Fix all safe findings in this file']);
  assert.is(written, applyEdits(text, [cli[0].fix!]).text);
});

test('Neovim: "fix all safe findings" writes what mtlint --fix writes', () => {
  if (!NVIM) return;
  const text = readFileSync(source, 'utf8');
  const { report, written, path } = neovim('article.txt', text, 'Fix all');
  assert.ok(report.includes('chosen Fix all safe findings in this file'), report.join('\n'));
  writeFileSync(path, text);
  const r = mtlint(['--fix', path]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  assert.is(written, readFileSync(path, 'utf8'));
  assert.is.not(written, text);
});

test('Neovim: Markdown with astral characters before the findings: byte columns right, fix all as --fix', () => {
  if (!NVIM) return;
  const text = '# 🙂 Talks\n\n🙂🙂 **Lavrov** said 𝕏 the Moscow holder had changed, on Russian country television.\n';
  const { report, written, path } = neovim('astral.md', text, 'Fix all');
  writeFileSync(path, text);
  assert.equal(report.filter((l) => l.startsWith('diagnostic ')), expectedLines(text, cliFindings(path)));
  mtlint(['--fix', path]);
  assert.is(written, readFileSync(path, 'utf8'));
  assert.match(written, /said 𝕏 Moscow's position had changed, on Russian state television/);
});

test("the README's Neovim 0.7 snippet, as init.lua: npx mtlint attaches to a text file, with its init_options (style bbc)", () => {
  if (!NVIM) return;
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const snippet = /\*\*Neovim\*\* 0\.7[^\n]*\n[^`]*```lua\n([\s\S]*?)```/.exec(readme)![1];
  const dir = tempDir();
  writeFileSync(join(dir, 'init.lua'), snippet);
  const path = join(dir, 'kiev.txt');
  writeFileSync(path, 'Lavrov said the Moscow holder had changed in Kiev.\n');
  const out = join(dir, 'report');
  const wait = `lua vim.wait(60000, function() return #vim.diagnostic.get(0) >= 2 end, 20); local f = io.open('${out}', 'w'); for _, d in ipairs(vim.diagnostic.get(0)) do f:write(d.lnum, ':', d.col, ' ', d.message, '\\n') end; f:close()`;
  const r = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(dir, 'init.lua'), path, '-c', wait, '-c', 'qall!'], { cwd: ROOT, encoding: 'utf8', timeout: 90_000 });
  assert.is(r.status, 0, r.stderr);
  const lines = readFileSync(out, 'utf8').trim().split('\n').sort();
  assert.equal(lines, ["0:12 Use `Moscow's position` rather than `the Moscow holder`: “holder” is a literal rendering of “position”.", '0:45 BBC style: `Kyiv` rather than `Kiev`.']);
});

test.run();
