// The style kind and house-style selection: a profile's preferred spellings (with the phrases it
// keeps), one spelling per name within an article, given names only before their surname,
// --style / `style:` choosing a profile and unknown styles refused.

import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RuleError, UsageError } from '../../src/engine/errors.js';
import { lintText } from '../../src/engine/lint.js';
import { BUILTIN_RULES_DIR, makeEnv } from '../../src/engine/load.js';
import { applyStyle, styleNames } from '../../src/engine/style.js';
import { gazetteerOf } from '../../src/names/load.js';
import { groupsOf, style } from '../../src/kinds/style.js';
import type { RuleSpec } from '../../src/types.js';
import { builtinRules, mtlint, rule, tempDir } from '../helpers.js';

const consistent = (text: string) => lintText(text, [rule('styles/consistent')]);
const fixes = (found: ReturnType<typeof lintText>) => found.map((f) => [f.text, f.fix?.text ?? null, f.suggestions.map((s) => s.text)]);

test('profiles: each house prefers its own spelling of Zelenskyy and writes Kyiv and Turkey', () => {
  const text = 'President Volodymyr Zelensky met officials in Kiev; Zelenskyy’s aides flew to Türkiye.';
  const by = (id: string) => lintText(text, [{ ...rule(id), enabled: true }]).map((f) => [f.text, f.fix?.text]);
  assert.equal(by('styles/ap'), [['Zelensky', 'Zelenskyy'], ['Kiev', 'Kyiv'], ['Türkiye', 'Turkey']]);
  assert.equal(by('styles/reuters'), [['Zelensky', 'Zelenskiy'], ['Kiev', 'Kyiv'], ['Zelenskyy', 'Zelenskiy'], ['Türkiye', 'Turkey']]);
  assert.equal(by('styles/bbc'), [['Kiev', 'Kyiv'], ['Zelenskyy', 'Zelensky'], ['Türkiye', 'Turkey']]);
});

test('a profile keeps its listed phrases and only whole words', () => {
  const ap = { ...rule('styles/ap'), enabled: true };
  assert.equal(lintText('He ordered chicken Kiev at Dynamo Kiev’s ground. Kievan Rus was old. Kieve is a typo.', [ap]), []);
  assert.equal(lintText('Kiev, then chicken Kiev.', [ap]).map((f) => [f.start, f.end]), [[0, 4]]);
});

test('a profile keeps other names to one spelling per article', () => {
  const ap = { ...rule('styles/ap'), enabled: true };
  const text = 'Sergey Lavrov spoke. Sergey Lavrov added more. Later Sergei Lavrov left Kyiv.';
  assert.equal(fixes(lintText(text, [ap])), [['Sergei', 'Sergey', []]]);
});

test('consistency: the majority spelling wins; a tie is a suggestion; the same sentence is left alone', () => {
  assert.equal(fixes(consistent('Zelenskiy spoke. Zelensky said more. Zelensky left.')), [['Zelenskiy', 'Zelensky', []]]);
  assert.equal(fixes(consistent('Zelenskiy spoke. Later Zelensky left.')), [['Zelensky', null, ['Zelenskiy']]]);
  assert.equal(consistent('Talks in Kyiv (formerly Kiev) resumed. Kyiv said so.'), []);
  // Possessives count and keep their ’s.
  const text = 'Kyiv said so. Kyiv’s mayor agreed. Kiev’s metro closed.';
  const [f] = consistent(text);
  assert.equal([f.text, f.fix?.text, text.slice(f.end, f.end + 2)], ['Kiev', 'Kyiv', '’s']);
});

test('consistency: a given name counts only before its surname; two people sharing a spelling are two names', () => {
  assert.equal(consistent('Sergey Lavrov met Sergei Shoigu. Sergey Lavrov left.'), []);
  assert.equal(consistent('Volodymyr Zelenskyy spoke. His wife Olena Zelenska spoke. Zelenskyy left.'), []);
  assert.equal(consistent('Zelensky spoke.'), []);
});

test('style selection: --style turns one profile on and the consistency rule off', () => {
  const all = builtinRules();
  assert.equal(styleNames(all), ['ap', 'bbc', 'reuters']);
  assert.is(applyStyle(all, undefined), all);
  const on = applyStyle(all, 'reuters').filter((r) => r.kind === 'style' && r.enabled).map((r) => r.id);
  assert.equal(on, ['styles/reuters']);
  assert.throws(() => applyStyle(all, 'nyt'), (e: unknown) => e instanceof UsageError && /no house style named nyt \(expected one of ap, bbc, reuters\)/.test((e as Error).message));
});

test('the command line: --style and the configuration’s style', () => {
  const dir = tempDir('mtlint-style-');
  writeFileSync(join(dir, 'a.txt'), 'President Volodymyr Zelenskyy spoke in Kiev.\n');
  const ap = mtlint(['--format', 'json', '--style', 'bbc', 'a.txt'], { cwd: dir });
  const ids = (stdout: string) => (JSON.parse(stdout) as { files: { findings: { ruleId: string; fix: { text: string } }[] }[] }).files[0].findings.map((f) => `${f.ruleId}:${f.fix.text}`);
  assert.equal(ids(ap.stdout), ['styles/bbc:Zelensky', 'styles/bbc:Kyiv']);
  writeFileSync(join(dir, 'mtlint.config.json'), JSON.stringify({ style: 'reuters' }));
  assert.equal(ids(mtlint(['--format', 'json', 'a.txt'], { cwd: dir }).stdout), ['styles/reuters:Zelenskiy', 'styles/reuters:Kyiv']);
  // The command line beats the configuration.
  assert.equal(ids(mtlint(['--format', 'json', '--style', 'ap', 'a.txt'], { cwd: dir }).stdout), ['styles/ap:Kyiv']);
  const bad = mtlint(['--style', 'nyt', 'a.txt'], { cwd: dir });
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /no house style named nyt/);
});

test('rule files with a bad profile are refused with file and line', () => {
  const spec = (options: Record<string, unknown>): RuleSpec => ({
    id: 'styles/x', kind: 'style', severity: 'warning', confidence: 1, message: 'm', description: 'd', source: 's',
    fix: 'safe', enabled: true, examples: { flag: [], pass: [] }, options, file: 'rules/styles/x.yaml', lines: { prefer: 7, mode: 2 },
  });
  const env = makeEnv(BUILTIN_RULES_DIR);
  const refused = (options: Record<string, unknown>, re: RegExp) =>
    assert.throws(() => style.compile(spec(options), env), (e: unknown) => e instanceof RuleError && re.test(e.message));
  refused({ mode: 'consistent', prefer: [] }, /x\.yaml:7: prefer: only a profile/);
  refused({ mode: 'profile', prefer: [{ use: 'Kyiv', not: ['Kiev'], keep: ['chicken Kyiv'] }] }, /x\.yaml:7: prefer: \[0\]\.keep: “chicken Kyiv” contains none of Kiev/);
  refused({ mode: 'profile', prefer: [{ use: 'Kyiv', not: ['the Kiev'] }] }, /\[0\]\.not: expected a list of single words/);
  refused({ mode: 'profile', prefer: [{ use: 'Kyiv', not: ['Kiev'] }, { use: 'Kyjiw', not: ['Kiev'] }] }, /\[1\]: Kiev is listed twice/);
  refused({ mode: 'house' }, /x\.yaml:2: mode: expected one of consistent, profile/);
});

test('spelling groups: those worked out from the compiled indexes (the build records them) are those of the TSV files', () => {
  const groups = (dir: string) => {
    const spec: RuleSpec = {
      id: 'styles/x', kind: 'style', severity: 'warning', confidence: 1, message: 'm', description: 'd', source: 's',
      fix: 'safe', enabled: true, examples: { flag: [], pass: [] }, options: { mode: 'consistent', gazetteer: ['gazetteer.tsv', 'countries.tsv'] }, file: join(dir, 'x.yaml'), lines: {},
    };
    const g = gazetteerOf(spec, makeEnv(BUILTIN_RULES_DIR))();
    return { fromIndexes: g.entities.length === 0, groups: groupsOf(g) };
  };
  const names = join(BUILTIN_RULES_DIR, 'names');
  const copy = tempDir('mtlint-style-');
  for (const f of ['gazetteer.tsv', 'countries.tsv']) copyFileSync(join(names, f), join(copy, f));
  const viaIndex = groups(names);
  const viaTsv = groups(copy);
  assert.ok(viaIndex.fromIndexes && !viaTsv.fromIndexes);
  assert.ok(viaIndex.groups.length > 1000);
  assert.equal(viaIndex.groups, viaTsv.groups);
  assert.ok(viaIndex.groups.some((g) => g.forms.includes('Zelenskyy') && g.forms.includes('Zelensky')));
});

test.run();
