// The regular-expression prefilters (src/match/line-prefilter.ts) as the boilerplate kind uses
// them never turn away a line its patterns match (each pattern is a candidate for the lines it
// matches): literal prefixes on known shapes, then every built-in boilerplate pattern against the lines of its
// examples and against made-up lines in other cases, compared with the full regular expression.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadRules } from '../../src/engine/load.js';
import { inlineGate, requiredGate } from '../../src/kinds/boilerplate.js';
import { literalPrefixes, prefixCandidates, requiredLiterals, stripLeadingAssertions } from '../../src/match/line-prefilter.js';

const prefixes = (source: string) => literalPrefixes(source)?.sort() ?? null;

test('literalPrefixes: groups, alternatives, optional parts, small classes; stops at other classes, dots and repeats', () => {
  assert.equal(prefixes('cancel reply'), ['cancel reply']);
  assert.equal(prefixes('(?:sign up|subscribe) to'), ['sign up to', 'subscribe to']);
  assert.equal(prefixes('you(?: have|\'ve) read'), ['you have rea', "you've read"]);
  assert.equal(prefixes('e-?mail'), ['e-mail', 'email']);
  assert.equal(prefixes('Read More.{0,40}'), ['read more']);
  assert.equal(prefixes('a\\+ ?b'), ['a+ b', 'a+b']);
  assert.equal(prefixes('ab+c'), ['ab']);
  assert.equal(prefixes('ab*c'), ['a']);
  assert.equal(prefixes('(?=x)abc'), ['']);
  assert.equal(prefixes('(?:\\d+ )?comments?'), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'comment', 'comments']);
  // Classes of a few characters stand for each; {n,m} repeats like + (optional when n is 0).
  assert.equal(prefixes('\\d{1,2} ?min'), [...'0123456789']);
  assert.equal(prefixes('[xY-] ?ab'), ['- ab', '-ab', 'x ab', 'xab', 'y ab', 'yab']);
  assert.equal(prefixes('a[0-2]b'), ['a0b', 'a1b', 'a2b']);
  assert.equal(prefixes('a{0,2}bc'), ['a', 'bc']);
  assert.equal(prefixes('[^a]b'), ['']);
  assert.equal(prefixes('[a-z]+x'), [...'abcdefghijklmnopqrstuvwxyz']);
  assert.equal(prefixes('\\wx'), ['']);
  // Outside ASCII as the line filter sees characters: ſ and K as s and k, the others as U+0000.
  assert.equal(prefixes('(?:©|\\(c\\)) ?x'), ['\0 x', '\0x', '(c) x', '(c)x']);
  assert.equal(prefixes('Éſ\u212a'), ['\0sk']);
  assert.equal(literalPrefixes('(?:©|Él)', true)?.sort(), ['©', 'Él']);
  assert.equal(prefixes('😀x'), ['']);
  // Too many prefixes: shorter ones, until few enough.
  // (62 after kk|ll: cut to three characters, 8; then 22.)
  assert.equal(
    prefixes('(?:(?:aa|bb|cc|dd|ee|ff) (?:(?:gg|hh|ii|jj) )?)?(?:kk|ll) (?:m|n|o|p|q|r|s|t)'),
    [...[...'abcdef'].map((c) => `${c}${c} `), ...['kk', 'll'].flatMap((k) => [...'mnopqrst'].map((c) => `${k} ${c}`))].sort(),
  );
  assert.equal(prefixes('(?<n>ab)c'), ['abc']);
  assert.is(prefixes('(ab'), null);
});

test('prefix candidates: the patterns whose prefixes a line begins with, compared in ASCII lower case, with ſ and K as s and k (as /iu does)', () => {
  const f = prefixCandidates(['subscribe', 'log in', 'kyiv', '(?:log|sign) in now']);
  assert.equal(f('SUBSCRIBE now'), [0]);
  assert.equal(f('Log In'), [1]);
  assert.equal(f('Log in now, please'), [1, 3]);
  assert.equal(f('Sign in now'), [3]);
  assert.equal(f('The subscribers said'), []);
  assert.equal(f('ſubſcribe'), [0]); // /s/iu matches ſ
  assert.equal(f('\u212ayiv'), [2]); // and /k/iu the Kelvin sign
  assert.equal(f('“Subscribe'), []);
  assert.equal(f('Ŝubscribe'), []);
  assert.equal(prefixCandidates(['x', '.*'])('anything'), [0, 1], 'a pattern without a prefix: every pattern is a candidate');
  // Exactly ſ and K: no other character of the BMP matches an ASCII character under /iu.
  const odd: string[] = [];
  for (let a = 32; a < 127; a++) {
    const re = new RegExp(`^\\u{${a.toString(16)}}$`, 'iu');
    for (let c = 128; c < 0x10000; c++) if (!(c >= 0xd800 && c <= 0xdfff) && re.test(String.fromCharCode(c))) odd.push(`${String.fromCharCode(a)}:U+${c.toString(16)}`);
  }
  assert.equal(odd, ['K:U+212a', 'S:U+17f', 'k:U+212a', 's:U+17f']);
});

const variants = (line: string): string[] => [
  line,
  line.toUpperCase(),
  line.toLowerCase(),
  line.replace(/\b\w/g, (c) => c.toUpperCase()),
  line.replace(/s/g, 'ſ').replace(/k/g, '\u212a'),
];

test('prefix candidates: on every boilerplate rule\'s example lines, in several cases, a pattern that matches the line is a candidate', () => {
  const rules = loadRules({ verify: false }).filter((r) => r.kind === 'boilerplate');
  assert.ok(rules.length > 0);
  let checked = 0;
  for (const rule of rules) {
    const lines = [...rule.examples.flag.map((f) => f.text), ...rule.examples.pass].flatMap((t) => t.split(/\r?\n/)).map((l) => l.trim());
    const patterns = (rule.options.lines ?? []) as string[];
    const candidates = prefixCandidates(patterns);
    patterns.forEach((p, i) => {
      const re = new RegExp(`^(?:${p})$`, 'iu');
      for (const line of lines.flatMap(variants)) {
        if (re.test(line)) {
          assert.ok(candidates(line).includes(i), `${rule.id}: /${p}/ matches ${JSON.stringify(line)} but is not a candidate`);
          checked++;
        }
      }
    });
  }
  assert.ok(checked > 20, `only ${checked} matching lines checked`);
});

test('stripLeadingAssertions: ^, \\b and look-arounds at the start go; the rest stays', () => {
  assert.is(stripLeadingAssertions('(?<=[.!?:”"\\p{Ll}] |^)\\((?:Photo|Image)'), '\\((?:Photo|Image)');
  assert.is(stripLeadingAssertions('^\\b(?=x)(?<!\\()Photo by'), 'Photo by');
  assert.is(stripLeadingAssertions('(?<=[)(] )x'), 'x');
  assert.is(stripLeadingAssertions('(?:a)b'), '(?:a)b');
  assert.is(stripLeadingAssertions('(?<=unclosed'), '(?<=unclosed');
});

test('inline gate: never turns away a text an inline pattern matches (rule examples, in several cases, inside other text)', () => {
  const rules = loadRules({ verify: false }).filter((r) => r.kind === 'boilerplate' && ((r.options.inline ?? []) as string[]).length > 0);
  assert.ok(rules.length > 0);
  let checked = 0;
  for (const rule of rules) {
    const patterns = rule.options.inline as string[];
    const gate = inlineGate(patterns);
    assert.ok(gate, `${rule.id}: its inline patterns should have literal prefixes`);
    const re = new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'u');
    const texts = [...rule.examples.flag.map((f) => f.text), ...rule.examples.pass].flatMap((t) => [...variants(t), `Earlier text. ${t}`, `${t}\nLater text.`]);
    for (const text of texts) {
      if (!re.test(text)) continue;
      assert.ok(gate!.test(text), `${rule.id}: an inline pattern matches ${JSON.stringify(text)} but the gate refused it`);
      checked++;
    }
  }
  assert.ok(checked >= 5, `only ${checked} matching texts checked`);
  assert.is(inlineGate(['(?<=x)\\p{Lu}+']), null, 'a pattern without a literal start has no gate');
});

test('requiredLiterals: the longest required run, or the alternatives of a required group; optional parts, classes and escapes end a run', () => {
  assert.equal(requiredLiterals('(?:\\d+ )?comments?(?: \\(\\d+\\))?'), ['comment']);
  assert.equal(requiredLiterals('(?:.{0,200} )?pic\\.twitter\\.com/\\w+'), ['pic.twitter.com/']);
  assert.equal(requiredLiterals('\\d{1,2} ?min(?:ute)?s? read|reading time:? \\d{1,2}'), [' read', 'reading time']);
  assert.equal(requiredLiterals('(?:©|\\(c\\)) ?.{0,100}'), ['©', '(c)']);
  assert.equal(requiredLiterals('ab+c'), ['ab']);
  assert.equal(requiredLiterals('a{0,2}bc'), ['bc']);
  assert.equal(requiredLiterals('\\p{L}+xy'), ['xy']);
  assert.equal(requiredLiterals('(?=abc)d'), ['d']);
  assert.equal(requiredLiterals('x(?<n>ab)'), ['ab']);
  assert.equal(requiredLiterals('😀?ab😀+'), ['ab😀']);
  assert.is(requiredLiterals('\\d+|abc'), null, 'an alternative without a literal');
  assert.is(requiredLiterals('(?:abc)?\\w+'), null);
  assert.is(requiredLiterals('(ab'), null);
});

test('requiredGate: every boilerplate line pattern, on its rules\' example lines in several cases and on lines made of its literals, agrees with the pattern', () => {
  const rules = loadRules({ verify: false }).filter((r) => r.kind === 'boilerplate');
  let checked = 0;
  for (const rule of rules) {
    const lines = [...rule.examples.flag.map((f) => f.text), ...rule.examples.pass].flatMap((t) => t.split(/\r?\n/)).map((l) => l.trim());
    for (const p of (rule.options.lines ?? []) as string[]) {
      const re = new RegExp(`^(?:${p})$`, 'iu');
      const gate = requiredGate([p]);
      if (gate === null) continue;
      for (const line of lines.flatMap(variants)) {
        if (!re.test(line)) continue;
        assert.ok(gate.test(line), `${rule.id}: /${p}/ matches ${JSON.stringify(line)} but the gate refused it`);
        checked++;
      }
    }
  }
  assert.ok(checked > 20, `only ${checked} matching lines checked`);
  const gate = requiredGate(['(?:\\d+ )?comments?', 'live (?:updates?|blog) here'])!;
  for (const line of ['12 Comments', 'comment', 'COMMENT', 'Live Updates here', 'LIVE BLOG HERE']) assert.ok(gate.test(line), line);
  assert.not.ok(gate.test('The minister said'));
  assert.is(requiredGate(['abc', '\\d+']), null);
});

test.run();
