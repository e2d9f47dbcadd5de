// The rules a run uses, chosen as the command line chooses them: the configuration file (found
// by searching upward, named, or none), the built-in rules plus extra rule folders and term lists,
// the house style, then rule selection. Shared by the CLI (and its lint workers) and the language
// server, so that an editor shows what `mtlint` reports.

import { prepareRules } from '../engine/lint.js';
import { loadRules, type Rule } from '../engine/load.js';
import { loadPhraseTsv } from '../engine/phrases-tsv.js';
import { applyStyle } from '../engine/style.js';
import { emptyConfig, findConfig, loadConfig, type Config } from './config.js';
import { selectRules } from './rules.js';

/** The options of the command line that choose rules (its `Args` fit this). */
export interface RuleSetOptions {
  /** Extra rule folders (`--rules`). */
  rules: string[];
  /** Run only these rules or packs (`--rule`). */
  rule: string[];
  /** Turn these rules or packs off (`--disable-rule`). */
  disableRule: string[];
  /** Term lists (`--phrases`). */
  phrases: string[];
  /** House style (`--style`); undefined: the configuration's. */
  style?: string;
  /** A configuration file; false: none; undefined: the nearest one in `cwd` or above. */
  config: string | false | undefined;
}

export interface RuleSet {
  config: Config;
  /** The selected rules, prepared for the first text. */
  rules: Rule[];
  /** Every rule id loaded, selected or not (suppression comments may name any of them). */
  knownRuleIds: string[];
}

export function readConfig(options: Pick<RuleSetOptions, 'config'>, cwd: string): Config {
  if (options.config === false) return emptyConfig(cwd);
  if (options.config !== undefined) return loadConfig(options.config);
  const found = findConfig(cwd);
  return found ? loadConfig(found) : emptyConfig(cwd);
}

/** The rules a run uses, ready for the first text (prepareRules). Rule and configuration errors throw (RuleError, UsageError). */
export function loadRuleSet(options: RuleSetOptions, cwd: string, config = readConfig(options, cwd)): RuleSet {
  const extraDirs = [...options.rules, ...config.ruleDirs];
  const all: Rule[] = [...loadRules({ verify: false }), ...(extraDirs.length > 0 ? loadRules({ dirs: extraDirs }) : [])];
  for (const file of options.phrases) all.push(loadPhraseTsv(file));
  const rules = selectRules(applyStyle(all, options.style ?? config.style), { only: options.rule, disabled: options.disableRule, config });
  prepareRules(rules);
  return { config, rules, knownRuleIds: all.map((r) => r.id) };
}
