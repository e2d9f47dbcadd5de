// The rules for each workspace folder, loaded as the command line loads them when run in that
// folder (its configuration file found the same way, .mtlintignore, rule folders, term lists,
// style and rule selection), and loaded again when one of those files has changed: every use
// compares a stamp of them (paths, sizes, modification times), so an edit is seen by the next
// check whether or not the editor reports it.

import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, findConfig } from '../config/config.js';
import { findIgnoreFile, makeIgnore, type IgnorePredicate } from '../config/ignore.js';
import { loadRuleSet, RuleError, type Rule } from '../index.js';
import type { Settings } from './settings.js';

export type RuleSetState =
  | { ok: true; rules: Rule[]; byId: Map<string, Rule>; knownRuleIds: string[]; ignored: IgnorePredicate }
  | { ok: false; error: Error; /** The rule or configuration file line at fault, when the error names one. */ at?: { file: string; line: number } };

interface Entry {
  stamp: string;
  state: RuleSetState;
  /** The configuration's rule folders, watched with the others. */
  configDirs: string[];
}

export class RuleSets {
  readonly #entries = new Map<string, Entry>();

  constructor(readonly settings: Settings) {}

  /** The rules for documents in folder `root`, loaded again if their files changed since. */
  get(root: string): RuleSetState {
    const old = this.#entries.get(root);
    if (old && old.stamp === this.#stamp(root, old.configDirs)) return old.state;
    const entry = this.#load(root, old?.configDirs ?? []);
    this.#entries.set(root, entry);
    return entry.state;
  }

  /** True when the files of root's rules changed since they were loaded (or they never were). */
  stale(root: string): boolean {
    const old = this.#entries.get(root);
    return !old || old.stamp !== this.#stamp(root, old.configDirs);
  }

  /** Rule and configuration file lines that stop a folder's rules from loading. */
  failures(): { file: string; line: number; message: string }[] {
    return [...this.#entries.values()].flatMap(({ state }) => (!state.ok && state.at ? [{ ...state.at, message: state.error.message }] : []));
  }

  #options(root: string) {
    const s = this.settings;
    return {
      rules: s.ruleDirs.map((d) => resolve(root, d)),
      rule: s.rule,
      disableRule: s.disableRule,
      phrases: s.phrases.map((p) => resolve(root, p)),
      style: s.style,
      config: s.config === undefined || s.config === false ? s.config : resolve(root, s.config),
    };
  }

  #load(root: string, configDirs: string[]): Entry {
    try {
      const { config, rules, knownRuleIds } = loadRuleSet(this.#options(root), root);
      const state: RuleSetState = { ok: true, rules, byId: new Map(rules.map((r) => [r.id, r])), knownRuleIds, ignored: makeIgnore(config, root) };
      return { stamp: this.#stamp(root, config.ruleDirs), state, configDirs: config.ruleDirs };
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      const at = error instanceof RuleError || error instanceof ConfigError ? { file: resolve(root, error.file), line: error.line } : undefined;
      return { stamp: this.#stamp(root, configDirs), state: { ok: false, error, at }, configDirs };
    }
  }

  /** What the rules of `root` were loaded from: the configuration file, .mtlintignore, rule folders and term lists, each with its size and time. */
  #stamp(root: string, configDirs: string[]): string {
    const o = this.#options(root);
    let config: string;
    try {
      config = o.config === false ? '' : (o.config ?? findConfig(root) ?? '');
    } catch (e) {
      config = `error ${(e as Error).message}`;
    }
    const parts = [config, findIgnoreFile(root) ?? '', ...o.phrases].map(fileStamp);
    for (const dir of [...o.rules, ...configDirs]) parts.push(dirStamp(dir));
    return parts.join('\n');
  }
}

function fileStamp(path: string): string {
  if (path === '' || path.startsWith('error ')) return path;
  try {
    const st = statSync(path, { bigint: true });
    return `${path} ${st.size} ${st.mtimeNs}`;
  } catch {
    return `${path} missing`;
  }
}

/** Every file below a rule folder (rules/<pack>/<rule>.yaml), with its size and time. */
function dirStamp(dir: string): string {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  } catch {
    return `${dir} missing`;
  }
  return [dir, ...names.map((n) => fileStamp(join(dir, n)))].join('\n');
}
