// The phrase matcher (one compiled trie for every entry) against a reference matcher written
// for clarity, not speed: at each token, try every entry in order and every way its class slots
// can match; keep the match that ends last (then the lowest entry index, then the first way
// found); resume after it. Random dictionaries and texts; the two must give the same matches,
// with the same replacements, in the same order. No timing here: speed is `npm run bench`.
// MTLINT_MATCHER_RUNS=N (or `npm run test:long`, MTLINT_LONG=1) runs more cases.

import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lintText } from '../src/engine/lint.js';
import { BUILTIN_RULES_DIR, loadRules, makeEnv, type Rule } from '../src/engine/load.js';
import { matchCase, phrase, phraseGroup } from '../src/kinds/phrase.js';
import { Fingerprints } from '../src/match/phrase-trie.js';
import { useWordHash } from '../src/text/prints.js';
import { TextDocument } from '../src/text/document.js';
import { tokenize, type Token } from '../src/text/tokens.js';
import type { Match, RuleSpec } from '../src/types.js';

const LONG = process.env.MTLINT_LONG === '1';
const RUNS = Number(process.env.MTLINT_MATCHER_RUNS ?? (LONG ? 20000 : 1000));

// ---------- the reference matcher ----------

type Step = { lit: string } | { cls: string; name: string };

interface RefEntry {
  steps: Step[];
  /** The flagged part: steps [spanFrom, spanTo). */
  spanFrom: number;
  spanTo: number;
  fixes: string[];
}

/** Inline classes: name → values (a value with a capital letter matches its case exactly). */
type Classes = Record<string, string[]>;

const fold = (w: string) => w.toLowerCase().replace(/’/g, "'").replace(/‑/g, '-');

/** Only spaces, tabs, no-break spaces and line breaks between two tokens, at most one \n. */
function adjacent(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return /^[ \t\r\n\u00a0]*$/.test(gap) && (gap.match(/\n/g) ?? []).length <= 1;
}

interface Way {
  /** Token index where each step starts, then one past the last token. */
  bounds: number[];
  captures: { name: string; text: string }[];
}

/** Every way `steps` match from token i, depth first: steps in order, class values in list order. */
function ways(steps: Step[], i: number, tokens: Token[], text: string, classes: Classes): Way[] {
  const out: Way[] = [];
  const go = (k: number, j: number, bounds: number[], captures: Way['captures']) => {
    if (k === steps.length) {
      out.push({ bounds: [...bounds, j], captures });
      return;
    }
    if (j >= tokens.length || (k > 0 && !adjacent(text, tokens[j - 1], tokens[j]))) return;
    const step = steps[k];
    if ('lit' in step) {
      if (fold(tokens[j].text) === fold(step.lit)) go(k + 1, j + 1, [...bounds, j], captures);
      return;
    }
    for (const value of classes[step.cls]) {
      const words = tokenize(value).map((t) => t.text);
      const exact = value !== value.toLowerCase();
      let ok = true;
      for (let m = 0; m < words.length && ok; m++) {
        const t = tokens[j + m];
        ok = t !== undefined && (m === 0 || adjacent(text, tokens[j + m - 1], t)) && (exact ? t.text === words[m] : fold(t.text) === fold(words[m]));
      }
      if (!ok) continue;
      const end = j + words.length;
      go(k + 1, end, [...bounds, j], [...captures, { name: step.name, text: text.slice(tokens[j].start, tokens[end - 1].end) }]);
    }
  };
  go(0, i, [], []);
  return out;
}

function referenceMatch(text: string, entries: RefEntry[], classes: Classes): Match[] {
  const tokens = tokenize(text);
  const out: Match[] = [];
  let i = 0;
  while (i < tokens.length) {
    let best: { entry: RefEntry; way: Way } | undefined;
    for (const entry of entries) {
      for (const way of ways(entry.steps, i, tokens, text, classes)) {
        if (!best || way.bounds[way.bounds.length - 1] > best.way.bounds[best.way.bounds.length - 1]) best = { entry, way };
      }
    }
    if (!best) {
      i++;
      continue;
    }
    const { entry, way } = best;
    const start = tokens[way.bounds[entry.spanFrom]].start;
    const end = tokens[way.bounds[entry.spanTo] - 1].end;
    const fill = (tpl: string) => tpl.replace(/\{(\w+)\}/g, (all, name: string) => way.captures.find((c) => c.name === name)?.text ?? all);
    out.push({ start, end, replacements: entry.fixes.map((f) => ({ start, end, text: matchCase(text.slice(start, end), fill(f)) })), safety: undefined });
    i = way.bounds[way.bounds.length - 1];
  }
  return out;
}

// ---------- the real matcher, from the same dictionary ----------

function patternOf(e: RefEntry): string {
  return e.steps
    .map((s, k) => {
      const word = 'lit' in s ? s.lit : `{${s.name}:${s.cls}}`;
      return (k === e.spanFrom ? '[' : '') + word + (k === e.spanTo - 1 ? ']' : '');
    })
    .join(' ');
}

function compile(entries: RefEntry[], classes: Classes, id = 'test/matcher'): Rule {
  const spec: RuleSpec = {
    id,
    kind: 'phrase',
    severity: 'warning',
    confidence: 0.9,
    message: 'Use `{fix}` rather than `{match}`.',
    description: 'Random dictionary.',
    source: 'test/matcher.test.ts',
    fix: 'safe',
    enabled: true,
    examples: { flag: [], pass: [] },
    options: { entries: entries.map((e) => ({ match: patternOf(e), fix: e.fixes })), ...(Object.keys(classes).length > 0 ? { classes } : {}) },
    file: 'test/matcher.yaml',
    lines: {},
  };
  return { ...spec, check: phrase.compile(spec, makeEnv(BUILTIN_RULES_DIR)) };
}

/** The matcher's own output and the engine's findings must both agree with the reference. */
function check(text: string, entries: RefEntry[], classes: Classes): void {
  const rule = compile(entries, classes);
  const expected = referenceMatch(text, entries, classes);
  const actual = rule.check(new TextDocument(text)).map((m) => ({ start: m.start, end: m.end, replacements: m.replacements ?? [], safety: m.safety }));
  assert.equal(actual, expected);
  const findings = lintText(text, [rule]).map((f) => [f.start, f.end]);
  assert.equal(findings, expected.map((m) => [m.start, m.end]));
}

// ---------- random dictionaries and texts ----------

/** Few words, so entries share prefixes, overlap and repeat. */
const WORDS = ['the', 'state', 'media', 'news', 'talks', 'Kyiv’s', "don't", 'Russian-Ukrainian', 'holder', 'a'];
const CLASSES: Classes = { org: ['state media', 'state', 'TV', 'news agency', 'media'], who: ['Lavrov', 'Sergei Lavrov', 'the minister'] };
const EXTRA_WORDS = ['said', 'Moscow', 'TV', 'tv', 'agency', 'Lavrov', 'Sergei', 'minister', 'Kyiv\'s', 'don’t', '12'];
const SEPARATORS = [' ', ' ', ' ', ' ', '  ', '\n', '\r\n', '\n\n', '\t', '\u00a0', ', ', '. ', ' — ', ' "', '" ', ' (', '-', ' \n '];
const FIXES = ['fixed', 'new words', 'State Media', "Moscow's position", '{slot} position', '{slot}'];

function caseVariant(word: string, how: number): string {
  if (how === 1) return word.charAt(0).toUpperCase() + word.slice(1);
  if (how === 2) return word.toUpperCase();
  return word;
}

const ADJACENT = [' ', ' ', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', ' \n '];

/** A word, with its case changed now and then. */
const wordArb = (words: string[]) =>
  fc.tuple(fc.constantFrom(...words, ...EXTRA_WORDS), fc.nat(5)).map(([w, how]) => caseVariant(w, how > 2 ? 0 : how));

/** The words an entry matches (a class slot gives one of its values), for texts dense in matches. */
const phraseArb = (e: RefEntry, classes: Classes) =>
  fc.tuple(...e.steps.map((s) => ('lit' in s ? fc.constant(s.lit) : fc.constantFrom(...classes[s.cls])))).map((ws) => ws.join(' ').split(' '));

/**
 * Texts built from random words and the dictionary's own phrases (cut short now and then), joined
 * mostly by separators that keep words adjacent, sometimes by ones that break a phrase (a blank
 * line, a comma): overlapping and nearly-matching phrases are the cases that matter.
 */
const textArb = (words: string[], entries: RefEntry[], classes: Classes) => {
  const piece = entries.length === 0
    ? wordArb(words).map((w) => [w])
    : fc.oneof(
        wordArb(words).map((w) => [w]),
        fc.tuple(fc.constantFrom(...entries).chain((e) => phraseArb(e, classes)), fc.nat(5)).map(([ws, cut]) => (cut === 0 && ws.length > 1 ? ws.slice(1) : ws)),
      );
  return fc
    .array(fc.tuple(piece, fc.constantFrom(...SEPARATORS), fc.array(fc.constantFrom(...ADJACENT, ...ADJACENT, ...SEPARATORS), { minLength: 4, maxLength: 4 }), fc.nat(5)), { maxLength: 25 })
    .map((parts) =>
      parts
        .map(([ws, sep, inner, how]) => ws.map((w, k) => (k === 0 ? caseVariant(w, how > 2 ? 0 : how) : inner[k % 4] + w)).join('') + sep)
        .join(''),
    );
};

const entryArb = (words: string[], withClasses: boolean): fc.Arbitrary<RefEntry> => {
  const word = fc.constantFrom(...words).map((w): Step => ({ lit: w }));
  const step = withClasses
    ? fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: fc.constantFrom('org', 'who').map((cls): Step => ({ cls, name: '' })) })
    : word;
  return fc
    .record({
      steps: fc.array(step, { minLength: 1, maxLength: 4 }),
      span: fc.option(fc.tuple(fc.nat(), fc.nat()), { freq: 3 }),
      fixes: fc.array(fc.constantFrom(...FIXES), { maxLength: 2 }),
    })
    .map(({ steps, span, fixes }) => {
      const names = ['X', 'Y', 'Z', 'W'];
      let n = 0;
      const named = steps.map((s) => ('cls' in s ? { cls: s.cls, name: names[n++] } : s));
      const n0 = named.length;
      const spanFrom = span ? span[0] % n0 : 0;
      const spanTo = span ? spanFrom + 1 + (span[1] % (n0 - spanFrom)) : n0;
      const slot = named.find((s): s is { cls: string; name: string } => 'cls' in s)?.name;
      return { steps: named, spanFrom, spanTo, fixes: fixes.map((f) => f.replace('{slot}', slot ? `{${slot}}` : 'plain')) };
    });
};

test('matcher = reference: small vocabulary, class slots, [ ] spans, shared prefixes', () => {
  fc.assert(
    fc.property(
      fc.array(entryArb(WORDS, true), { maxLength: 25 }).chain((entries) => fc.tuple(fc.constant(entries), textArb(WORDS, entries, CLASSES))),
      ([entries, text]) => check(text, entries, CLASSES),
    ),
    { numRuns: RUNS },
  );
});

test('matcher = reference: term lists (literal phrases only, up to 300 entries)', () => {
  const vocab = [...WORDS, 'counterfeit', 'fake', 'Minister', 'foreign', 'affairs', 'ministry', 'of', 'grain', 'deal', 'ceasefire'];
  fc.assert(
    fc.property(
      fc.array(entryArb(vocab, false), { maxLength: 300 }).chain((entries) => fc.tuple(fc.constant(entries), textArb(vocab, entries, {}))),
      ([entries, text]) => check(text, entries, {}),
    ),
    { numRuns: Math.ceil(RUNS / 3) },
  );
});

/** Several rules matched in one pass: each rule's matches are what the reference gives for it alone. */
function checkMerged(text: string, rules: RefEntry[][], classes: Classes): void {
  const compiled = rules.map((entries, k) => compile(entries, classes, `test/rule-${k}`));
  const merged = phraseGroup.run(new TextDocument(text), compiled.map((r) => r.check));
  const findings = lintText(text, compiled);
  rules.forEach((entries, k) => {
    const expected = referenceMatch(text, entries, classes);
    assert.equal(merged[k].map((m) => ({ start: m.start, end: m.end, replacements: m.replacements ?? [], safety: m.safety })), expected, `rule ${k}`);
    assert.equal(findings.filter((f) => f.ruleId === `test/rule-${k}`).map((f) => [f.start, f.end]), expected.map((m) => [m.start, m.end]), `rule ${k} findings`);
  });
}

test('merged matcher = reference for each rule: rules with overlapping entries matched in one pass', () => {
  fc.assert(
    fc.property(
      fc
        .array(fc.array(entryArb(WORDS, true), { minLength: 1, maxLength: 8 }), { minLength: 2, maxLength: 5 })
        .chain((rules) => fc.tuple(fc.constant(rules), textArb(WORDS, rules.flat(), CLASSES))),
      ([rules, text]) => checkMerged(text, rules, CLASSES),
    ),
    { numRuns: Math.ceil(RUNS / 2) },
  );
});

test('merged = alone for the real phrase rules (contexts, case: exact, allow lists, #cap, #stop, classes)', () => {
  const rules = loadRules({ verify: false }).filter((r) => r.kind === 'phrase');
  const pieces = rules.flatMap((r) => [...r.examples.flag.map((f) => f.text), ...r.examples.pass]);
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(' ', '\n', '\n\n', ', ')), { minLength: 1, maxLength: 12 }), (parts) => {
      const doc = new TextDocument(parts.map(([p, sep]) => p + sep).join(''));
      const together = phraseGroup.run(doc, rules.map((r) => r.check));
      rules.forEach((r, k) => assert.equal(together[k], phraseGroup.run(doc, [r.check])[0], r.id));
    }),
    { numRuns: Math.ceil(RUNS / 5) },
  );
});

/** A weak fingerprint: the first three characters only, so 'stated' collides with 'state'. */
const weakHash = (word: string): [number, number] => [word.charCodeAt(0) * 65536 + (word.charCodeAt(1) || 0), word.charCodeAt(2) || 0];

test('fingerprints: numbers for the listed words; two listed words that collide fall back to exact look-up', () => {
  const good = new Fingerprints(['state', 'media', 'state', 'news']);
  assert.equal(['state', 'media', 'news', 'talks'].map((w) => good.get(w)), [0, 1, 2, -1]);
  useWordHash(weakHash);
  try {
    const clash = new Fingerprints(['state', 'statement', 'media']);
    assert.equal(['state', 'statement', 'media', 'stated'].map((w) => clash.get(w)), [0, 1, 2, -1]);
    // Without a clash among the listed words, an unlisted word may get a listed one's number: the matcher checks.
    assert.equal(new Fingerprints(['state', 'media']).get('stated'), 0);
  } finally {
    useWordHash();
  }
});

test('matcher = reference when words of the text collide with words of the dictionary (weak fingerprint)', () => {
  const decoys = ['stated', 'medial', 'newsy', 'talkshow', 'holders', 'thesis', 'Kyivan', 'dont', 'russia'];
  useWordHash(weakHash);
  try {
    fc.assert(
      fc.property(
        fc.array(entryArb(WORDS, true), { maxLength: 25 }).chain((entries) => fc.tuple(fc.constant(entries), textArb([...WORDS, ...decoys], entries, CLASSES))),
        ([entries, text]) => check(text, entries, CLASSES),
      ),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  } finally {
    useWordHash();
  }
});

test('reference matcher sanity: leftmost-longest, first entry wins a tie, resume after the match', () => {
  const lit = (p: string): RefEntry => {
    const steps = p.split(' ').map((w) => ({ lit: w }));
    return { steps, spanFrom: 0, spanTo: steps.length, fixes: ['x'] };
  };
  const spans = (text: string, entries: RefEntry[]) => referenceMatch(text, entries, {}).map((m) => text.slice(m.start, m.end));
  assert.equal(spans('the state media said', [lit('state'), lit('state media'), lit('the state')]), ['the state']);
  assert.equal(spans('state media state', [lit('state'), lit('state media')]), ['state media', 'state']);
  assert.equal(spans('state\n\nmedia', [lit('state media')]), []);
  assert.equal(spans('State\nMEDIA', [lit('state media')]), ['State\nMEDIA']);
  assert.equal(spans('state, media', [lit('state media')]), []);
  const tie = [{ ...lit('state media'), fixes: ['first'] }, { ...lit('state media'), fixes: ['second'] }];
  assert.equal(referenceMatch('state media', tie, {})[0].replacements![0].text, 'first');
});

test('known cases agree (regressions found by the random tests go here)', () => {
  const e = (steps: Step[], fixes: string[], spanFrom = 0, spanTo = steps.length): RefEntry => ({ steps, spanFrom, spanTo, fixes });
  // A slot whose values differ in length: the longer way wins when the rest still matches.
  check('the state media news', [e([{ lit: 'the' }, { cls: 'org', name: 'X' }, { lit: 'news' }], ['{X} ok'])], CLASSES);
  check('the state media', [e([{ lit: 'the' }, { cls: 'org', name: 'X' }], ['{X} ok'])], CLASSES);
  // Case-exact class value.
  check('TV talks and tv talks', [e([{ cls: 'org', name: 'X' }, { lit: 'talks' }], ['{X}'])], CLASSES);
  // A blank line or punctuation breaks a phrase; one line break does not.
  check('state\n\nmedia, state\r\n\r\nmedia state \n media state, media', [e([{ lit: 'state' }, { lit: 'media' }], ['press'])], {});
  // Matching resumes after the whole match, so matches never overlap.
  check('state media news talks', [e([{ lit: 'state' }, { lit: 'media' }], ['a']), e([{ lit: 'media' }, { lit: 'news' }], ['b']), e([{ lit: 'news' }, { lit: 'talks' }], ['c'])], {});
  // Context outside the [ ] span is required but not flagged.
  check('the state media said', [e([{ lit: 'the' }, { lit: 'state' }, { lit: 'media' }], ['press'], 1, 3)], CLASSES);
});

test.run();
