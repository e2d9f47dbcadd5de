// Runs a rule's own examples (a strict rule tester, after ESLint's): each `flag` text must be
// flagged and, for a fixing rule, fix to exactly its `output` with the rule silent afterwards;
// each `pass` text must not be flagged. A failure is a RuleError, so the rule refuses to load.
// An example of a source-aware rule carries its `source`, aligned with the text by paragraphs.

import { fixText, type FixLevel } from '../fix/loop.js';
import { RuleError } from './errors.js';
import { attachBilingual } from '../source/context.js';
import type { ExampleSource } from '../types.js';
import { lintText } from './lint.js';
import type { Rule } from './load.js';

export function verifyExamples(rule: Rule): void {
  const line = rule.lines.examples ?? 1;
  const fail = (message: string): never => {
    throw new RuleError(rule.file, line, `example failed: ${message}`);
  };
  const lint = (text: string, source?: ExampleSource) =>
    lintText(text, [{ ...rule, enabled: true }], undefined, source && attachBilingual({ original: source.text, sourceLang: source.lang }));
  const level: FixLevel = rule.fix === 'suggest' ? 'suggest' : 'safe';
  const seen = new Set<string>();
  for (const ex of rule.examples.flag) {
    if (seen.has(ex.text)) fail(`duplicate example ${JSON.stringify(ex.text)}`);
    seen.add(ex.text);
    const findings = lint(ex.text, ex.source);
    if (findings.length === 0) fail(`not flagged: ${JSON.stringify(ex.text)}`);
    if (rule.fix === 'none') {
      if (ex.output !== undefined) fail(`rule has fix: none but the example gives an output: ${JSON.stringify(ex.text)}`);
      continue;
    }
    if (ex.output === undefined) fail(`a fixing rule needs \`output\` for ${JSON.stringify(ex.text)}`);
    const result = fixText(ex.text, (t) => lint(t, ex.source), level);
    if (result.output !== ex.output) {
      fail(`${JSON.stringify(ex.text)} fixed to ${JSON.stringify(result.output)}, expected ${JSON.stringify(ex.output)}`);
    }
    if (ex.output !== ex.text && result.remaining.length > 0) {
      fail(`rule still reports ${JSON.stringify(result.remaining[0].text)} after fixing ${JSON.stringify(ex.text)}`);
    }
  }
  rule.examples.pass.forEach((text, i) => {
    if (seen.has(text)) fail(`duplicate example ${JSON.stringify(text)}`);
    seen.add(text);
    const findings = lint(text, rule.examples.passSources?.[i]);
    if (findings.length > 0) fail(`flagged ${JSON.stringify(findings[0].text)} in a \`pass\` example: ${JSON.stringify(text)}`);
  });
}
