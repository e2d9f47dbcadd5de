// Choosing the rules to run from the command line and the configuration: which rules are on,
// and with which severity. Every selector must name a rule or a pack that exists.

import { UsageError } from '../engine/errors.js';
import type { Rule } from '../engine/load.js';
const SEVERITIES = ['error', 'warning', 'info'] as const;
import { ConfigError, type Config, type RuleSetting } from './config.js';

export interface Selection {
  /** --rule: run exactly these rules or packs (enabling rules that are off by default). */
  only: string[];
  /** --disable-rule: turn these off. */
  disabled: string[];
  config: Config;
}

/** True when selector `sel` (a rule id or a pack) covers rule `id`. */
export const selects = (sel: string, id: string): boolean => id === sel || id.startsWith(sel.replace(/\/$/, '') + '/');

export function selectRules(all: Rule[], s: Selection): Rule[] {
  const exists = (sel: string) => all.some((r) => selects(sel, r.id));
  for (const sel of [...s.only, ...s.disabled]) {
    if (!exists(sel)) throw new UsageError(`no rule or pack named ${sel} (see mtlint --list-rules)`);
  }
  const c = s.config;
  for (const sel of c.packs ?? []) {
    if (!exists(sel)) throw new ConfigError(c.file ?? '', c.lines.packs ?? 1, 'packs', `no rule or pack named ${sel}`);
  }
  for (const sel of Object.keys(c.rules)) {
    if (!exists(sel)) throw new ConfigError(c.file ?? '', c.lines[`rules.${sel}`] ?? 1, `rules.${sel}`, 'no rule or pack of that name (see mtlint --list-rules)');
  }
  const out: Rule[] = [];
  for (const r of all) {
    const setting = mostSpecific(c.rules, r.id);
    let on: boolean;
    if (s.only.length > 0) on = s.only.some((sel) => selects(sel, r.id));
    else if (c.packs) on = c.packs.some((sel) => selects(sel, r.id)) && setting !== 'off';
    else on = setting ? setting !== 'off' : r.enabled;
    if (s.disabled.some((sel) => selects(sel, r.id))) on = false;
    if (!on) continue;
    const severity = setting && (SEVERITIES as readonly string[]).includes(setting) ? (setting as Rule['severity']) : r.severity;
    out.push(r.enabled && severity === r.severity ? r : { ...r, enabled: true, severity });
  }
  return out;
}

/** The setting of the longest selector covering `id` (a rule's own setting beats its pack's). */
function mostSpecific(settings: Record<string, RuleSetting>, id: string): RuleSetting | undefined {
  let best: string | undefined;
  for (const sel of Object.keys(settings)) {
    if (selects(sel, id) && (best === undefined || sel.length > best.length)) best = sel;
  }
  return best === undefined ? undefined : settings[best];
}
