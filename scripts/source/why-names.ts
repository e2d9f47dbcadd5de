// Why the name checks miss what scripts/source/eval.ts injects: for every injected name removal or
// misspelling the rules did not find, the reason the check gave (check-names.ts `nameTrace`), counted
// by reason and listed.
//   removed     no source run (the source has no capitalised word carrying the name), or the run's
//               reason: initial, country not after a preposition, pronoun, not sure, rendered (by which
//               word of the unit), misspelt (left to misspelled-name)
//   misspelled  no source word a letter or two away, or the reason the word was not taken: English
//               word, a known name, distance, declension, another source name, no evidence, …
// Usage: node .test-build/scripts/source/why-names.js [--half calibrate] [--lang cs,de] [--list]

import { join } from 'node:path';
import { nameTrace } from '../../src/source/check-names.js';
import { foldLatin, renders, stemDistance, targetWord, type NameRun } from '../../src/source/names.js';
import { loadRules } from '../../src/engine/load.js';
import { injections, lintDoc, random } from './eval.js';
import { referenceSets } from './data.js';

const argv = process.argv.slice(2);
const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const data = arg('--data') ?? join(process.cwd(), '..', 'shared', 'data');
const half = arg('--half') === 'calibrate' ? 'calibrate' : 'report';
const langs = (arg('--lang') ?? 'cs,de').split(',');
const rules = loadRules({ verify: false })
  .filter((r) => r.id.startsWith('source/'))
  .map((r) => ({ ...r, enabled: true }));

const counts = new Map<string, number>();
const lines: string[] = [];
const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
const runText = (r: NameRun) => r.tokens.map((t) => t.text).join(' ');

let seed = 1;
for (const set of referenceSets(data)) {
  for (const doc of set.docs) {
    if (doc.half !== half) continue;
    const clean = lintDoc(doc, rules);
    for (const inj of injections(doc, random(seed++))) {
      if (!inj.kind.startsWith('name') || !langs.includes(set.lang)) continue;
      const events: { run?: NameRun; at: { start: number; end: number }; reason: string; word?: string; token?: string }[] = [];
      nameTrace.missing = (run, at, reason) => events.push({ run, at, reason });
      nameTrace.misspelled = (t, w, reason) => events.push({ at: w, reason, word: w.text, token: t.text });
      const { text, findings, units } = lintDoc(inj.doc, rules);
      nameTrace.missing = nameTrace.misspelled = undefined;
      const unit = units[inj.paragraph];
      const before = new Set(clean.findings.filter((f) => inj.rules.includes(f.ruleId)).map((f) => `${f.ruleId}\u0000${f.text}`));
      const hit = findings.some((f) => inj.rules.includes(f.ruleId) && f.end >= unit.start && f.start <= unit.end && (inj.word ? text.slice(f.start, f.end) === inj.word : !before.has(`${f.ruleId}\u0000${f.text}`)));
      if (hit) continue;
      const inUnit = events.filter((e) => e.at.start >= unit.start && e.at.end <= unit.end);
      const source = inj.doc.paragraphs[inj.paragraph].source.join(' ');
      let reason: string;
      let detail = '';
      if (inj.kind === 'name removed') {
        // The source runs carrying a removed word (by the check's own rendering test).
        const removed = (inj.removed ?? '').split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
        const carries = (r: NameRun) => r.tokens.some((t) => removed.some((w) => renders(t, targetWord(w, 0, w.length), false)));
        const mine = inUnit.filter((e) => e.run && carries(e.run));
        if (mine.length === 0) {
          reason = 'no source run';
          detail = source.slice(0, 160);
        } else {
          // The reason of the run that came closest to being reported (the last test it passed).
          const order = ['initial', 'adjective', 'country not after a preposition', 'pronoun', 'not sure', 'rendered', 'rendered (given name)', 'misspelt'];
          const best = mine.sort((a, b) => order.indexOf(b.reason) - order.indexOf(a.reason))[0];
          reason = best.reason;
          detail = `run "${runText(best.run!)}"`;
        }
        count(`removed ${set.lang} ${reason}`);
        lines.push(`removed\t${set.lang}\t${reason}\t${inj.removed}\t${detail}\t${JSON.stringify(text.slice(unit.start, unit.end).slice(0, 160))}`);
      } else {
        const original = foldLatin(inj.removed ?? '');
        const mine = inUnit.filter((e) => e.word === inj.word && e.token && stemDistance(foldLatin(e.token), original) === 0);
        if (mine.length === 0) {
          reason = inUnit.some((e) => e.word === inj.word) ? 'no source token for the name' : 'no source run';
          detail = source.slice(0, 160);
        } else {
          const order = ['short, capitals or digits', 'English word', 'a known name', 'the unit renders the name', 'renders the place', 'distance', 'declension', 'another source name', 'no evidence (initial)', 'no evidence (a real name)', 'no evidence (ending only)'];
          const best = mine.sort((a, b) => order.indexOf(b.reason) - order.indexOf(a.reason))[0];
          reason = best.reason;
          detail = `${best.token} → ${inj.word}`;
        }
        count(`misspelled ${set.lang} ${reason}`);
        lines.push(`misspelled\t${set.lang}\t${reason}\t${inj.removed} → ${inj.word}\t${detail}\t${JSON.stringify(text.slice(unit.start, unit.end).slice(0, 160))}`);
      }
    }
  }
}
for (const [k, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) process.stdout.write(`${String(n).padStart(4)}  ${k}\n`);
if (argv.includes('--list')) process.stdout.write(lines.sort().join('\n') + '\n');
