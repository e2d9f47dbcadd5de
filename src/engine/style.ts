// House style selection: `--style ap` (or `style: ap` in the configuration) turns on the profile
// rule styles/ap and turns off the other profiles and the style-free consistency rule, which the
// profile replaces (it keeps one spelling per name for the names it does not list).

import type { Rule } from './load.js';
import { UsageError } from './errors.js';

const isProfile = (r: Rule) => r.kind === 'style' && r.options.mode === 'profile';
const isConsistency = (r: Rule) => r.kind === 'style' && r.options.mode === 'consistent';

/** The profile names the loaded rules offer: the last part of each profile rule's id. */
export function styleNames(rules: readonly Rule[]): string[] {
  return [...new Set(rules.filter(isProfile).map((r) => r.id.slice(r.id.lastIndexOf('/') + 1)))].sort();
}

/** The rules with the chosen profile on and the others (and the consistency rule) off; unchanged without a style. */
export function applyStyle(rules: Rule[], style: string | undefined): Rule[] {
  if (style === undefined) return rules;
  const names = styleNames(rules);
  if (!names.includes(style)) throw new UsageError(`no house style named ${style} (expected one of ${names.join(', ') || 'none: no profile rules loaded'})`);
  return rules.map((r) => {
    if (isProfile(r)) {
      const on = r.id.slice(r.id.lastIndexOf('/') + 1) === style;
      return on === r.enabled ? r : { ...r, enabled: on };
    }
    return isConsistency(r) && r.enabled ? { ...r, enabled: false } : r;
  });
}
