// Runs a rule's own examples (a strict rule tester, after ESLint's): each `flag` text must be
// flagged and, for a fixing rule, fix to exactly its `output` with the rule silent afterwards;
// each `pass` text must not be flagged. A failure is a RuleError, so the rule refuses to load.

import { fixText, type FixLevel } from '../fix/loop.js';
import { RuleError } from './errors.js';
import { lintText } from './lint.js';
import type { Rule } from './load.js';

export function verifyExamples(rule: Rule): void {
  const line = rule.lines.examples ?? 1;
  const fail = (message: string): never => {
    throw new RuleError(rule.file, line, `example failed: ${message}`);
  };
  const lint = (text: string) => lintText(text, [{ ...rule, enabled: true }]);
  const level: FixLevel = rule.fix === 'suggest' ? 'suggest' : 'safe';
  const seen = new Set<string>();
  for (const ex of rule.examples.flag) {
    if (seen.has(ex.text)) fail(`duplicate example ${JSON.stringify(ex.text)}`);
    seen.add(ex.text);
    const findings = lint(ex.text);
    if (findings.length === 0) fail(`not flagged: ${JSON.stringify(ex.text)}`);
    if (rule.fix === 'none') {
      if (ex.output !== undefined) fail(`rule has fix: none but the example gives an output: ${JSON.stringify(ex.text)}`);
      continue;
    }
    if (ex.output === undefined) fail(`a fixing rule needs \`output\` for ${JSON.stringify(ex.text)}`);
    const result = fixText(ex.text, lint, level);
    if (result.output !== ex.output) {
      fail(`${JSON.stringify(ex.text)} fixed to ${JSON.stringify(result.output)}, expected ${JSON.stringify(ex.output)}`);
    }
    if (ex.output !== ex.text && result.remaining.length > 0) {
      fail(`rule still reports ${JSON.stringify(result.remaining[0].text)} after fixing ${JSON.stringify(ex.text)}`);
    }
  }
  for (const text of rule.examples.pass) {
    if (seen.has(text)) fail(`duplicate example ${JSON.stringify(text)}`);
    seen.add(text);
    const findings = lint(text);
    if (findings.length > 0) fail(`flagged ${JSON.stringify(findings[0].text)} in a \`pass\` example: ${JSON.stringify(text)}`);
  }
}
