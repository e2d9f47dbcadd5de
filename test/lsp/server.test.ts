// `mtlint lsp` driven by a protocol client (test/lsp/client.ts: vscode-languageserver-protocol
// over the child's stdio, the bundled CLI as editors start it). Every diagnostic is compared with
// what `mtlint --format json` reports for the same text, every edit with what `--fix` writes.

import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../src/fix/apply.js';
import type { Edit } from '../../src/types.js';
import { cli, FIXTURES, HAS_SHARED, ROOT, SHARED, tempDir } from '../helpers.js';
import { RICH_CLIENT, TestClient, type CliFinding } from './client.js';


/** `mtlint --format json` on a file: its findings (the built CLI, run in this process). */
async function cliFindings(path: string, args: string[] = []): Promise<CliFinding[]> {
  const r = await cli(['--format', 'json', ...args, path]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return (JSON.parse(r.stdout) as { files: { findings: CliFinding[] }[] }).files[0].findings;
}

/** The diagnostic the server must publish for a finding the CLI reports. */
function expected(f: CliFinding): Diagnostic {
  return {
    range: { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } },
    severity: { error: 1, warning: 2, info: 3 }[f.severity] as Diagnostic['severity'],
    code: f.ruleId,
    codeDescription: { href: pathToFileURL(join(ROOT, 'rules', `${f.ruleId}.yaml`)).href },
    source: 'mtlint',
    message: f.message,
  };
}

/** The server's diagnostics for what the client now holds, and the CLI's for the same text (written to `path`). */
async function compareWithCli(client: TestClient, uri: string, path: string, version: number): Promise<Diagnostic[]> {
  const got = await client.diagnostics(uri, { version });
  writeFileSync(path, client.text(uri));
  assert.equal(got, (await cliFindings(path)).map(expected), `${basename(path)} v${version}`);
  return got;
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

let client: TestClient;

test.before(async () => {
  client = await TestClient.start();
});

/**
 * A copy of `source` opened in the editor: its diagnostics are the CLI's; the first finding with a
 * fix offers it first (preferred), and applying it gives the text with the CLI's edit, then the
 * CLI's diagnostics of that text; "fix all" gives what `--fix` writes, then its diagnostics.
 */
async function fixScenario(source: string, languageId: string): Promise<Diagnostic[]> {
  const path = join(tempDir(), basename(source));
  copyFileSync(source, path);
  const uri = pathToFileURL(path).href;
  const text = readFileSync(path, 'utf8');
  const found = await cliFindings(path);
  const opened = await client.open(uri, text, languageId);
  assert.equal(opened, found.map(expected));

  const first = found.findIndex((f) => f.fix);
  assert.ok(first >= 0, 'a finding with a fix');
  const actions = await client.codeActions(uri, opened[first].range, [opened[first]]);
  assert.is(actions[0].isPreferred, true);
  assert.equal(actions[0].diagnostics, [opened[first]]);
  const { version } = await client.apply(actions[0].edit!);
  assert.is(client.text(uri), applyEdits(text, [found[first].fix!]).text);
  await compareWithCli(client, uri, path, version);

  const [fixAll, ...more] = await client.codeActions(uri, START, [], ['source.fixAll']);
  assert.is(more.length, 0);
  assert.is(fixAll.kind, 'source.fixAll.mtlint');
  assert.is(fixAll.edit, undefined, 'left to codeAction/resolve');
  const resolved = await client.resolve(fixAll);
  const fixed = (await cli(['--fix', '--stdout', path])).stdout;
  assert.is.not(fixed, client.text(uri));
  const after = await client.apply(resolved.edit!);
  assert.is(client.text(uri), fixed);
  await compareWithCli(client, uri, path, after.version);
  return opened;
}

test('the seed article: its 16 diagnostics at the CLI positions, severity, rule id and rule link; a quick fix and fix all as --fix', async () => {
  if (!HAS_SHARED) return console.log('  skipped: ../shared is absent (the seed article); the sample below covers the same path');
  const opened = await fixScenario(join(SHARED, 'seed', 'article.txt'), 'plaintext');
  assert.is(opened.length, 16);
  assert.equal(opened[0].range, { start: { line: 2, character: 191 }, end: { line: 2, character: 208 } });
});

test('a sample article (plain text): the CLI diagnostics, a quick fix, fix all', async () => {
  const opened = await fixScenario(join(ROOT, 'samples', 'ceasefire-talks.txt'), 'plaintext');
  assert.ok(opened.length >= 5, `${opened.length} diagnostics`);
});

test('Markdown: source positions, a quick fix and fix all as the CLI', async () => {
  await fixScenario(join(FIXTURES, 'formats', 'article.md'), 'markdown');
});

test('HTML: source positions, a quick fix and fix all as the CLI', async () => {
  await fixScenario(join(FIXTURES, 'formats', 'article.html'), 'html');
});

test('a feed and NDJSON records (by their file names): diagnostics at the CLI positions', async () => {
  for (const file of ['feed.rss', 'records.ndjson']) {
    const path = join(tempDir(), file);
    copyFileSync(join(FIXTURES, 'formats', file), path);
    const got = await client.open(pathToFileURL(path).href, readFileSync(path, 'utf8'), 'xml');
    assert.ok(got.length > 0, file);
    assert.equal(got, (await cliFindings(path)).map(expected), file);
  }
});

/** Opens `text` as `name`: the actions of its first finding on a line that `where` accepts, and "Disable RULE on this line" among them. */
async function disableScenario(name: string, text: string, languageId: string, where: (line: string) => boolean = () => true) {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  const uri = pathToFileURL(path).href;
  const opened = await client.open(uri, text, languageId);
  const d = opened.find((o) => where(text.split('\n')[o.range.start.line]))!;
  const actions = await client.codeActions(uri, d.range, [d]);
  const disable = actions.find((a) => a.title === `Disable ${String(d.code)} on this line`);
  return { path, uri, opened, d, actions, disable };
}

test('Markdown and HTML: "disable this rule on this line" adds the comment; the finding goes, the others stay as the CLI reports', async () => {
  for (const [file, languageId] of [['article.md', 'markdown'], ['article.html', 'html']] as const) {
    const text = readFileSync(join(FIXTURES, 'formats', file), 'utf8');
    // (Not in the HTML <title>: a comment there is text; see below.)
    const { path, uri, opened, d, disable } = await disableScenario(file, text, languageId, (l) => !l.includes('<title>'));
    assert.ok(disable, `${file}: a disable action`);
    const resolved = await client.resolve(disable!);
    const { version } = await client.apply(resolved.edit!);
    const line = client.text(uri).split('\n')[d.range.start.line];
    assert.ok(line.endsWith(`<!-- mtlint-disable-line ${String(d.code)} -->`), line);
    const after = await compareWithCli(client, uri, path, version);
    assert.is(after.length, opened.filter((o) => !(o.code === d.code && o.range.start.line === d.range.start.line)).length);
  }
  // A second rule on a line that already has the comment joins it.
  const md = 'Lavrov said the Moscow holder told Russian country television.\n';
  const s = await disableScenario('two.md', md, 'markdown');
  await client.apply((await client.resolve(s.disable!)).edit!);
  const [other] = await client.diagnostics(s.uri, { version: 2 });
  const actions = await client.codeActions(s.uri, other.range, [other]);
  const { version } = await client.apply((await client.resolve(actions.find((a) => a.title.startsWith('Disable'))!)).edit!);
  assert.is(client.text(s.uri), `Lavrov said the Moscow holder told Russian country television. <!-- mtlint-disable-line ${String(s.d.code)} ${String(other.code)} -->\n`);
  assert.equal(await client.diagnostics(s.uri, { version }), []);
});

test('plain text offers no disable comment; HTML where a comment would be text (inside a <title>) does not get one', async () => {
  const txt = await disableScenario('plain.txt', 'Lavrov said the Moscow holder had changed.\n', 'plaintext');
  assert.ok(txt.actions.length > 0 && !txt.disable, JSON.stringify(txt.actions.map((a) => a.title)));
  const html = await disableScenario('title.html', '<html><head><title>Lavrov said the Moscow holder\nhad changed</title></head><body><p>Text.</p></body></html>\n', 'html');
  assert.ok(html.disable, 'offered (checked when resolved)');
  const resolved = await client.resolve(html.disable!);
  assert.is(resolved.edit, undefined);
  await client.until(() => client.messages.find((m) => m.message.includes('would not turn')), 'the warning');
});

test('astral characters before a finding: UTF-16 positions in text and Markdown, and the fix lands in place', async () => {
  for (const [name, text, languageId] of [
    ['astral.txt', '🙂🙂 Lavrov (𝕏) said the Moscow holder had changed.\n', 'plaintext'],
    ['astral.md', '# 🙂 Talks\n\n🙂 **Lavrov** said 𝕏 the Moscow holder had changed.\n', 'markdown'],
  ]) {
    const path = join(tempDir(), name);
    writeFileSync(path, text);
    const uri = pathToFileURL(path).href;
    const [d] = await client.open(uri, text, languageId);
    const line = text.split('\n').findIndex((l) => l.includes('the Moscow holder'));
    assert.equal(d.range.start, { line, character: text.split('\n')[line].indexOf('the Moscow holder') }, name);
    assert.equal([d], (await cliFindings(path)).map(expected).slice(0, 1));
    const [fix] = await client.codeActions(uri, d.range, [d]);
    await client.apply(fix.edit!);
    assert.is(client.text(uri), text.replace('the Moscow holder', "Moscow's position"));
  }
});

test('code actions: fix, each suggestion, fix all; without resolve support the edits come at once', async () => {
  const text = 'Lavrov said the Moscow holder had changed.\n\nAfter convincing that the Ukrainian party did not plan it, they left.\n';
  const path = join(tempDir(), 'actions.txt');
  writeFileSync(path, text);
  const uri = pathToFileURL(path).href;
  const opened = await client.open(uri, text);
  const suggestion = opened.find((d) => d.code === 'calques/side-party')!;
  const titles = (await client.codeActions(uri, suggestion.range, [suggestion])).map((a: CodeAction) => a.title);
  assert.equal(titles, ['Replace `the Ukrainian party` with `the Ukrainian side` (suggestion)', 'Fix all safe findings in this file']);
  await client.close(uri);

  const plain = await TestClient.start({ capabilities: {} });
  try {
    const [d] = await plain.open(uri, text);
    const actions = await plain.codeActions(uri, d.range, [d]);
    assert.equal(actions.map((a) => a.title), ["Replace `the Moscow holder` with `Moscow's position`", 'Fix all safe findings in this file']);
    assert.ok(actions.every((a) => a.edit?.changes?.[uri]), 'edits given as `changes` without waiting for resolve');
    await plain.apply(actions[1].edit!);
    assert.is(plain.text(uri), (await cli(['--fix', '--stdout', path])).stdout);
    assert.is(await plain.stop(), 0);
  } finally {
    plain.kill();
  }
});

test('a change is checked after a pause: five quick changes give one check, of the last version', async () => {
  const path = join(tempDir(), 'typing.txt');
  const uri = pathToFileURL(path).href;
  await client.open(uri, 'Lavrov said.\n');
  const before = client.published.length;
  const text = 'Lavrov said the Moscow holder had changed.';
  let version = 1;
  for (const ch of ' the Moscow holder had changed'.slice(0, 5)) version = await client.edit(uri, [{ range: { start: { line: 0, character: 11 + version - 1 }, end: { line: 0, character: 11 + version - 1 } }, newText: ch }]);
  const rest = text.slice('Lavrov said the M'.length - 1);
  version = await client.edit(uri, [{ range: { start: { line: 0, character: 16 }, end: { line: 0, character: 17 } }, newText: rest }]);
  assert.is(client.text(uri), `${text}\n`);
  const diagnostics = await client.diagnostics(uri, { version, after: before });
  assert.equal(diagnostics.map((d) => d.code), ['calques/position-holder']);
  assert.equal(client.published.slice(before).filter((p) => p.uri === uri).map((p) => p.version), [version]);
});

test('requests for a closed or unknown document are answered; closing clears its diagnostics', async () => {
  const path = join(tempDir(), 'closed.txt');
  const uri = pathToFileURL(path).href;
  const [d] = await client.open(uri, 'Lavrov said the Moscow holder had changed.\n');
  const n = client.published.length;
  await client.close(uri);
  assert.equal(await client.diagnostics(uri, { after: n }), []);
  assert.equal(await client.codeActions(uri, d.range, [d]), []);
  assert.equal(await client.codeActions('file:///nowhere/never-opened.txt', START), []);
});

test('initialization options: rule selection and style as --rule and --style; a bad setting is reported', async () => {
  const source = HAS_SHARED ? join(SHARED, 'seed', 'article.txt') : join(ROOT, 'samples', 'ceasefire-talks.txt');
  const path = join(tempDir(), 'options.txt');
  // (The sentence gives BBC style something to say: Kyiv.)
  writeFileSync(path, `${readFileSync(source, 'utf8')}\nThe talks were held in Kiev.\n`);
  const uri = pathToFileURL(path).href;
  for (const [options, args] of [
    [{ rule: ['calques', 'repetition'] }, ['--rule', 'calques,repetition']],
    [{ disableRule: 'calques' }, ['--disable-rule', 'calques']],
    [{ style: 'bbc' }, ['--style', 'bbc']],
  ] as const) {
    const c = await TestClient.start({ initializationOptions: options });
    try {
      const got = await c.open(uri, readFileSync(path, 'utf8'));
      const want = (await cliFindings(path, [...args])).map(expected);
      assert.equal(got, want, JSON.stringify(options));
      assert.not.equal(want, (await cliFindings(path)).map(expected), `${JSON.stringify(options)} changes something`);
    } finally {
      c.kill();
    }
  }
  const bad = await TestClient.start({ initializationOptions: { style: 'ap', rule: 3, colour: true } });
  try {
    const m = await bad.until(() => bad.messages[0], 'a message');
    assert.match(m.message, /rule: expected a list of strings; colour: unknown setting/);
    assert.ok((await bad.open(uri, 'Lavrov said the Moscow holder had changed.\n')).length === 1);
  } finally {
    bad.kill();
  }
});

test("settings changed in the editor (the `mtlint` section of workspace/didChangeConfiguration) apply at once", async () => {
  const c = await TestClient.start({ initializationOptions: { style: 'bbc' } });
  try {
    const uri = 'file:///tmp/mtlint-lsp-settings.txt';
    const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code));
    assert.equal(codes(await c.open(uri, 'Lavrov said the Moscow holder had changed in Kiev. The the talks.\n')), ['calques/position-holder', 'styles/bbc', 'repetition/repeated-word']);
    let n = c.published.length;
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: { mtlint: { rule: ['repetition'] } } });
    assert.equal(codes(await c.diagnostics(uri, { after: n })), ['repetition/repeated-word']);
    n = c.published.length;
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: { mtlint: {} } });
    assert.equal(codes(await c.diagnostics(uri, { after: n })), ['calques/position-holder', 'styles/bbc', 'repetition/repeated-word'], 'the initialization options stay under the settings');
  } finally {
    c.kill();
  }
});

test('a document too large or binary gets one diagnostic saying why; a comment naming no rule, one at its line', async () => {
  const small = await TestClient.start({ env: { ...process.env, MTLINT_MAX_FILE_MB: '0.01' } });
  try {
    const big = await small.open('file:///tmp/mtlint-lsp-big.txt', 'Lavrov said the Moscow holder had changed.\n'.repeat(300));
    assert.is(big.length, 1);
    assert.match(String(big[0].message), /too large to check/);
    const binary = await small.open('file:///tmp/mtlint-lsp-binary.txt', 'Lavrov said the Moscow holder\u0000 had changed.\n');
    assert.is(binary.length, 1);
    assert.match(String(binary[0].message), /binary/);
    const md = await small.open('file:///tmp/mtlint-lsp-directive.md', '# Title\n\n<!-- mtlint-disable-next-line calques/no-such-rule -->\nThe Moscow holder.\n', 'markdown');
    assert.is(md.length, 1);
    assert.is(md[0].range.start.line, 2);
    assert.match(String(md[0].message), /names no rule or pack `calques\/no-such-rule`/);
  } finally {
    small.kill();
  }
});

/** A workspace folder with files. */
function project(files: Record<string, string>): string {
  const dir = tempDir('mtlint-lsp-');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const HOUSE_RULE = (fix: string) => `kind: phrase
severity: warning
confidence: 0.9
fix: safe
message: "Use \`{fix}\` rather than \`{match}\`."
description: House style.
source: the house style guide.
entries:
  - match: "foreign ministry"
    fix: "${fix}"
examples:
  flag:
    - text: "The foreign ministry said."
      output: "The ${fix} said."
  pass:
    - "The ministry said."
`;

test('configuration: the workspace config found as the CLI finds it, reloaded when it changes (told or not), rule folders too; errors at their line', async () => {
  const text = 'Lavrov said the Moscow holder had changed. The the foreign ministry said.\n';
  const dir = project({ 'docs/a.txt': text, 'house/local/ministry.yaml': HOUSE_RULE('Foreign Office') });
  const path = join(dir, 'docs', 'a.txt');
  const uri = pathToFileURL(path).href;
  const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code));
  const c = await TestClient.start({ root: dir });
  try {
    assert.equal(codes(await c.open(uri, text)), ['calques/position-holder', 'repetition/repeated-word']);
    await c.until(() => (c.registrations.includes('workspace/didChangeWatchedFiles') ? true : undefined), 'file watchers registered');

    // A configuration file appears at the workspace folder: the editor says so.
    const config = join(dir, '.mtlintrc.json');
    let n = c.published.length;
    writeFileSync(config, '{ "rules": { "calques": "off" }, "ruleDirs": ["house"] }\n');
    await c.filesChanged([config]);
    assert.equal(codes(await c.diagnostics(uri, { after: n })), ['repetition/repeated-word', 'local/ministry']);
    assert.equal(codes(await c.diagnostics(uri, { after: n })), (await cliFindings(path, ['--config', config])).map((f) => f.ruleId));

    // A rule file edited: nobody says so (a rule folder outside the editor's watch); seen within a poll.
    n = c.published.length;
    writeFileSync(join(dir, 'house', 'local', 'ministry.yaml'), HOUSE_RULE('Ministry of Foreign Affairs'));
    const edited = await c.diagnostics(uri, { after: n });
    assert.match(String(edited[1].message), /Ministry of Foreign Affairs/);

    // A broken configuration: one diagnostic on the document, one on the file at its line.
    n = c.published.length;
    writeFileSync(config, '{\n  "rules": { "calques": "sometimes" }\n}\n');
    await c.filesChanged([config]);
    const broken = await c.diagnostics(uri, { after: n });
    assert.is(broken.length, 1);
    assert.match(String(broken[0].message), /could not load its rules: .*\.mtlintrc\.json:2: rules\.calques: expected one of off, on/);
    const onFile = await c.diagnostics(pathToFileURL(config).href);
    assert.is(onFile[0].range.start.line, 1);

    // A rule whose examples fail refuses to load, named at its line.
    writeFileSync(config, '{ "ruleDirs": ["house"] }\n');
    const rule = join(dir, 'house', 'local', 'ministry.yaml');
    writeFileSync(rule, HOUSE_RULE('Foreign Office').replace('output: "The Foreign Office said."', 'output: "The ministry said."'));
    n = c.published.length;
    await c.filesChanged([config, rule]);
    assert.match(String((await c.diagnostics(uri, { after: n }))[0].message), /ministry\.yaml:\d+: /);
    assert.ok((await c.diagnostics(pathToFileURL(rule).href)).length === 1);

    // Fixed: back to the findings; the rule file's diagnostic is cleared.
    rmSync(config);
    n = c.published.length;
    await c.filesChanged([config]);
    assert.equal(codes(await c.diagnostics(uri, { after: n })), ['calques/position-holder', 'repetition/repeated-word']);
    assert.equal(await c.diagnostics(pathToFileURL(rule).href, { after: n }), []);
  } finally {
    c.kill();
  }
});

test('a file the workspace ignores (.mtlintignore) gets no diagnostics', async () => {
  const dir = project({ '.mtlintignore': 'drafts/\n', 'drafts/a.txt': 'x' });
  const c = await TestClient.start({ root: dir });
  try {
    assert.equal(await c.open(pathToFileURL(join(dir, 'drafts', 'a.txt')).href, 'Lavrov said the Moscow holder had changed.\n'), []);
    assert.is((await c.open(pathToFileURL(join(dir, 'b.txt')).href, 'Lavrov said the Moscow holder had changed.\n')).length, 1);
  } finally {
    c.kill();
  }
});

test('the server runs from the compiled modules too (dist/, without the bundle)', async () => {
  const main = pathToFileURL(join(ROOT, 'dist', 'cli', 'main.js')).href;
  const c = await TestClient.start({ command: ['--input-type=module', '-e', `import(${JSON.stringify(main)}).then((m) => m.main(['lsp', '--stdio']))`] });
  try {
    assert.equal((await c.open('file:///tmp/mtlint-lsp-modules.txt', 'Lavrov said the Moscow holder had changed.\n')).map((d) => d.code), ['calques/position-holder']);
    assert.is(await c.stop(), 0);
  } finally {
    c.kill();
  }
});

test('the server exits when its client process goes away, even with its input still open', async () => {
  const editor = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 300)']);
  const c = await TestClient.start({ processId: editor.pid });
  try {
    // vscode-languageserver looks for the client's process every 3 s.
    assert.is(await Promise.race([c.exited(), new Promise((r) => setTimeout(() => r('still running'), 15_000))]), 1);
  } finally {
    c.kill();
  }
});

test('the server exits when the client does: 0 after shutdown and exit, 1 when its input closes without them', async () => {
  const other = await TestClient.start();
  other.child.stdin!.end();
  assert.is(await other.exited(), 1);
  assert.is(await client.stop(), 0);
});

test.run();
