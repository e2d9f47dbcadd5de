// Messages show whole words (issue 19, item 4): the same article as plain text, Markdown, HTML, an
// RSS item and an NDJSON record gives the same findings, and every output format shows the same
// replaced words and replacement for each — the fix itself is the whole word (`Rechan` →
// `Recean`, not `h` → `e`), and an HTML residue deletion shows its words, not the markup.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cli, tempDir } from '../helpers.js';

const PARAS = [
  'Prime Minister Dorin Recean met the president. Later Rechan said the talks went well, and Recean added more.',
  'Lavrov said the Moscow holder had changed & the talks would go on.',
  'Leave a Reply',
];

const SOURCES: Record<string, string> = {
  'a.txt': PARAS.join('\n\n') + '\n',
  'a.md': PARAS.join('\n\n') + '\n',
  'a.html': `<html><head><meta charset="utf-8"></head><body>\n<div class="tools"><span>Comments</span><script>var x = "Leave a Reply";</script></div>\n${PARAS.map((p) => `<p>${p.replace('&', '&amp;')}</p>`).join('\n')}\n</body></html>\n`,
  'a.rss': `<?xml version="1.0"?>\n<rss version="2.0"><channel><item><guid>a</guid><description>${PARAS.map((p) => `&lt;p&gt;${p.replace('&', '&amp;amp;')}&lt;/p&gt;`).join('\n')}</description></item></channel></rss>\n`,
  'a.ndjson': JSON.stringify({ id: 'a', text: PARAS.join('\n\n') }) + '\n',
};

/** The report of every format for each file: what each says about each finding's change. */
async function reports(dir: string) {
  const names = Object.keys(SOURCES);
  const json = JSON.parse((await cli(['--format', 'json', ...names], { cwd: dir })).stdout);
  const sarif = JSON.parse((await cli(['--format', 'sarif', ...names], { cwd: dir })).stdout);
  const github = (await cli(['--format', 'github', ...names], { cwd: dir })).stdout.trimEnd().split('\n');
  const stylish = (await cli(names, { cwd: dir })).stdout;
  return names.map((name, k) => {
    const text = SOURCES[name];
    const findings = json.files[k].findings as { ruleId: string; message: string; fix: { start: number; end: number; text: string } | null }[];
    return {
      name,
      findings: findings.map((f) => `${f.ruleId}: ${f.message}`),
      // The fix of the name finding: the whole word replaced by the whole word.
      nameFix: findings.filter((f) => f.ruleId === 'names/misspelled-name').map((f) => [text.slice(f.fix!.start, f.fix!.end), f.fix!.text]),
      sarif: (sarif.runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; fixes?: { description: { text: string } }[] }[])
        .filter((x) => x.locations[0].physicalLocation.artifactLocation.uri === name)
        .map((x) => (x.fixes ?? []).map((f) => f.description.text).join(' | ')),
      github: github.filter((l) => l.includes(`file=${name},`)).map((l) => l.replace(/^::\w+ [^:]*::/, '')),
      stylish: stylish
        .split('\n')
        .filter((l) => /^ {6}(?:fix|suggestion|or):/.test(l))
        .slice(...stylishRange(stylish, name)),
    };
  });
}

/** The stylish lines (fix lines) that belong to `name`'s block. */
function stylishRange(out: string, name: string): [number, number] {
  const blocks = out.split(/\n(?=\S)/);
  let before = 0;
  for (const b of blocks) {
    const n = b.split('\n').filter((l) => /^ {6}(?:fix|suggestion|or):/.test(l)).length;
    if (b.startsWith(`${name}\n`)) return [before, before + n];
    before += n;
  }
  return [0, 0];
}

test('the same article in every input format: the same findings, fixes of whole words, the same words shown by every output format', async () => {
  const dir = tempDir('mtlint-words-');
  for (const [name, text] of Object.entries(SOURCES)) writeFileSync(join(dir, name), text);
  const [txt, ...others] = await reports(dir);
  assert.equal(txt.nameFix, [['Rechan', 'Recean']]);
  assert.ok(txt.sarif.includes('Replace `Rechan` with `Recean` (fix)'), txt.sarif.join('\n'));
  assert.ok(txt.github.some((l) => l.endsWith('(fix: `Recean`)')), txt.github.join('\n'));
  assert.ok(txt.stylish.some((l) => l.includes('Later [-Rechan-]{+Recean+} said')), txt.stylish.join('\n'));
  assert.is(txt.findings.length, 3);
  // (The HTML page also has a `Comments` residue of its own, first.)
  const mine = (xs: string[]) => xs.filter((x) => !x.includes('Comments'));
  for (const r of others) {
    assert.equal(r.nameFix, txt.nameFix, `${r.name}: the fix replaces the whole word`);
    assert.equal(mine(r.findings), txt.findings, `${r.name}: findings`);
    assert.equal(mine(r.github), txt.github, `${r.name}: github`);
    assert.equal(mine(r.sarif), txt.sarif, `${r.name}: sarif`);
    assert.equal(mine(r.stylish), txt.stylish, `${r.name}: stylish`);
  }
  // The HTML residue: its words, not a screenful of markup.
  const html = others.find((r) => r.name === 'a.html')!;
  assert.is(html.stylish[0], '      fix: [-Comments⏎⏎-]Prime Minister Dorin …');
  assert.is(html.sarif[0], 'Delete `Comments` (fix)');
});

test.run();
