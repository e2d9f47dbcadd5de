// Why the names checks miss what the evaluation injects (scripts/source/eval.ts): for every name
// removed or misspelt that no finding catches, the reason the check gave (nameTrace in
// src/source/check-names.ts) — no source run for the name, a run not surely a name, a run excused
// (a country not after a preposition, the pronoun excuse, an initial word), another word taken as
// its rendering, or, for a misspelling, why each source name was no evidence. A tool for tuning.
// Usage: node .test-build/scripts/source/why-names.js [--half calibrate] [--lang ru] [--data DIR] > FILE

import { join } from 'node:path';
import { loadRules } from '../../src/engine/load.js';
import { nameTrace } from '../../src/source/check-names.js';
import { targetWord, renders, type NameRun } from '../../src/source/names.js';
import { plainLatin, plausibleRendering } from '../../src/source/romanise.js';
import { referenceSets } from './data.js';
import { found, injections, lintDoc, random } from './eval.js';

const argv = process.argv.slice(2);
const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const data = arg('--data') ?? join(process.cwd(), '..', 'shared', 'data');
const half = arg('--half') === 'calibrate' ? 'calibrate' : 'report';
const lang = arg('--lang');
const rules = loadRules({ verify: false })
  .filter((r) => r.id.startsWith('source/'))
  .map((r) => ({ ...r, enabled: true }));

const counts = new Map<string, number>();
const lines: string[] = [];
const runText = (r: NameRun) => r.tokens.map((t) => t.text + (t.place ? `[${t.place.kind}]` : '') + (t.surnames ? '[surname]' : '') + (t.given ? '[given]' : '') + (t.adjective ? '[adj]' : '') + (t.noun ? `[noun ${t.noun}]` : '')).join(' ');
let seed = 1;
for (const set of referenceSets(data)) {
  for (const doc of set.docs) {
    if (doc.half !== half) continue;
    const rnd = random(seed++);
    if (lang && set.lang !== lang) continue;
    const clean = lintDoc(doc, rules);
    for (const inj of injections(doc, rnd)) {
      if (!inj.kind.startsWith('name')) continue;
      const events: { reason: string; run?: NameRun; t?: { text: string }; w?: { text: string; start: number }; pair?: { source: string; start: number; end: number } }[] = [];
      nameTrace.on = (reason, run, t, w) => events.push({ reason, run, t, w, pair: nameTrace.pair });
      const { text, findings, units } = lintDoc(inj.doc, rules);
      nameTrace.on = undefined;
      const unit = units[inj.paragraph];
      if (found(inj, clean.findings, text, findings, unit)) continue;
      const inUnit = events.filter((e) => e.pair && e.pair.start >= unit.start && e.pair.end <= unit.end);
      const source = doc.paragraphs[inj.paragraph].source.join(' ');
      let reason: string;
      let detail = '';
      if (inj.kind === 'name removed') {
        // The source run that the removed name rendered (by a word of it).
        const removedWords = inj.removed!.split(/\s+/).map((x) => x.replace(/['’]s$/, '').replace(/-$/, '')).filter((x) => x.length >= 3);
        // (From a Latin-script source, by the same stem, case ending aside, or by its rendering: Stosurová, Stosur.)
        const latin = set.lang === 'cs' || set.lang === 'de';
        const rendersRemoved = (run: NameRun) => run.tokens.some((t) => removedWords.some((x) => renders(t, targetWord(x, 0, x.length), !latin) || (!latin && plausibleRendering(t.noun ?? t.text).test(plainLatin(x))) || (latin && t.keys[0].startsWith(targetWord(x, 0, x.length).folded.slice(0, 4)))));
        const mine = inUnit.filter((e) => e.run && rendersRemoved(e.run));
        if (mine.length === 0) reason = inUnit.some((e) => e.run) ? 'no source run renders it' : 'no name run in the unit';
        else {
          reason = mine[0].reason;
          detail = mine.map((e) => `${e.reason}: ${runText(e.run!)}`).join('; ');
        }
      } else {
        const mine = inUnit.filter((e) => e.w && e.w.text === inj.word && e.w.start >= unit.start && e.w.start <= unit.end);
        // The source word the right spelling renders.
        const right = doc.paragraphs[inj.paragraph].target.join(' ');
        reason = mine.length === 0 ? (inUnit.length === 0 ? 'no name run in the unit' : 'no event for the word') : [...new Set(mine.map((e) => e.reason))].sort().join(' + ');
        detail = mine.map((e) => `${e.t?.text}: ${e.reason}`).join('; ');
        void right;
      }
      const key = `${inj.kind}\t${reason.replace(/ \(.*/, '')}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      lines.push(`${inj.kind}\t${set.lang}\t${reason}\t${inj.word ?? inj.removed}\t${detail}\t${doc.id} ¶${inj.paragraph + 1}\t${source.slice(0, 400)}`);
    }
  }
}
for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1])) process.stdout.write(`${n}\t${k}\n`);
process.stdout.write('\n' + lines.sort().join('\n') + '\n');
