// The configuration file: found by searching upward from the working folder (or named with
// --config), validated key by key so that a mistake is one line naming the file, line and key.
//
//   { "style": "ap", "packs": ["calques", "residue"], "rules": { "repetition/duplicate-sentence": "off" },
//     "ignore": ["drafts/**"], "ruleDirs": ["house-rules"] }

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Node, ParseError } from 'jsonc-parser';
import { createRequire } from 'node:module';
import type { Document } from 'yaml';
import { UsageError } from '../engine/errors.js';
import { computeLineStarts, positionAt } from '../text/lines.js';
import type { Severity } from '../types.js';

/** `jsonc-parser`, required only when a JSON configuration file is read (start-up without one never needs it). */
let jsonc: typeof import('jsonc-parser') | undefined;
const jsoncParser = () => (jsonc ??= createRequire(import.meta.url)('jsonc-parser') as typeof import('jsonc-parser'));

export const CONFIG_FILES = ['mtlint.config.json', '.mtlintrc.json', '.mtlintrc.yaml', '.mtlintrc.yml'];
export const STYLES = ['ap', 'reuters', 'bbc'] as const;
export type Style = (typeof STYLES)[number];
export type RuleSetting = 'off' | 'on' | Severity;
export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'on', 'error', 'warning', 'info'];

export interface Config {
  /** The file it was read from; undefined for the empty default. */
  file?: string;
  /** The folder relative paths in it are resolved against. */
  dir: string;
  /** House style profile (accepted and passed on; profiles come with the style rules). */
  style?: Style;
  /** Run only these packs or rule ids (like --rule). */
  packs?: string[];
  /** Per rule id or pack: off, on (also enables a rule that is off by default), or a severity. */
  rules: Record<string, RuleSetting>;
  /** gitignore-style patterns, relative to `dir`, of files not to check. */
  ignore: string[];
  /** Extra rule folders (like --rules), absolute. */
  ruleDirs: string[];
  /** `mtlint audit` band thresholds (scores from which an article is in review, in hold). */
  audit?: { review?: number; hold?: number };
  /** 1-based line of each key path (`rules.calques`), for later errors (unknown rule ids). */
  lines: Record<string, number>;
}

export const KEYS = ['$schema', 'style', 'packs', 'rules', 'ignore', 'ruleDirs', 'audit'];

/** A mistake in a configuration file: `FILE:LINE: KEY: message`. */
export class ConfigError extends UsageError {
  constructor(
    readonly file: string,
    readonly line: number,
    key: string,
    message: string,
  ) {
    super(`${file}:${line}: ${key ? `${key}: ` : ''}${message}`);
    this.name = 'ConfigError';
  }
}

/** The nearest configuration file in `from` or a folder above it. */
export function findConfig(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const found = CONFIG_FILES.map((n) => join(dir, n)).filter((p) => existsSync(p));
    if (found.length > 1) throw new UsageError(`${dir}: more than one configuration file (${found.map((p) => p.slice(dir.length + 1)).join(', ')}); keep one`);
    if (found.length === 1) return found[0];
    if (dirname(dir) === dir) return undefined;
  }
}

export function emptyConfig(dir: string): Config {
  return { dir, rules: {}, ignore: [], ruleDirs: [], lines: {} };
}

export function loadConfig(file: string): Config {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot read the configuration file: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const { data, lines } = /\.ya?ml$/i.test(file) ? readYaml(file, source) : readJson(file, source);
  return validate(file, data, lines);
}

function readJson(file: string, source: string): { data: unknown; lines: Record<string, number> } {
  const errors: ParseError[] = [];
  const { parse: parseJsonc, printParseErrorCode } = jsoncParser();
  const data = parseJsonc(source, errors, { allowTrailingComma: false, disallowComments: true });
  const starts = computeLineStarts(source);
  const lineOf = (offset: number) => positionAt(starts, offset).line;
  if (errors.length > 0) throw new ConfigError(file, lineOf(errors[0].offset), '', `invalid JSON: ${printParseErrorCode(errors[0].error)}`);
  const lines: Record<string, number> = {};
  const visit = (node: Node | undefined, prefix: string) => {
    if (node?.type !== 'object') return;
    for (const prop of node.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (!k) continue;
      const key = prefix + String(k.value);
      lines[key] = lineOf(k.offset);
      if (prefix === '') visit(v, `${key}.`);
    }
  };
  visit(jsoncParser().parseTree(source), '');
  return { data, lines };
}

function readYaml(file: string, source: string): { data: unknown; lines: Record<string, number> } {
  // Imported here, for YAML configurations only: it costs ≈ 30 ms of every start-up otherwise.
  const { isMap, isScalar, LineCounter, parseDocument } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const counter = new LineCounter();
  const doc: Document = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    throw new ConfigError(file, counter.linePos(err.pos[0]).line, '', `invalid YAML: ${err.message.split('\n')[0]}`);
  }
  const lines: Record<string, number> = {};
  const visit = (node: unknown, prefix: string) => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const key = prefix + String(pair.key.value);
      lines[key] = counter.linePos(pair.key.range[0]).line;
      if (prefix === '') visit(pair.value, `${key}.`);
    }
  };
  visit(doc.contents, '');
  return { data: doc.toJS() ?? {}, lines };
}

function validate(file: string, data: unknown, lines: Record<string, number>): Config {
  const fail = (key: string, message: string): never => {
    throw new ConfigError(file, lines[key] ?? 1, key, message);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('', 'the configuration must be an object of keys');
  const d = data as Record<string, unknown>;
  for (const key of Object.keys(d)) {
    if (!KEYS.includes(key)) fail(key, `unknown key (expected one of ${KEYS.filter((k) => k !== '$schema').join(', ')})`);
  }
  const dir = dirname(resolve(file));
  const config: Config = { ...emptyConfig(dir), file, lines };
  const strings = (key: string): string[] => {
    const v = d[key];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === '')) fail(key, 'expected a list of non-empty strings');
    return v as string[];
  };
  if (d.$schema !== undefined && typeof d.$schema !== 'string') fail('$schema', 'expected a string');
  if (d.style !== undefined) {
    if (!STYLES.includes(d.style as Style)) fail('style', `expected one of ${STYLES.join(', ')}`);
    config.style = d.style as Style;
  }
  if (d.packs !== undefined) config.packs = strings('packs');
  if (d.ignore !== undefined) config.ignore = strings('ignore');
  if (d.ruleDirs !== undefined) config.ruleDirs = strings('ruleDirs').map((p) => resolve(dir, p));
  if (d.rules !== undefined) {
    if (typeof d.rules !== 'object' || d.rules === null || Array.isArray(d.rules)) fail('rules', 'expected an object of rule id or pack: setting');
    for (const [id, v] of Object.entries(d.rules as Record<string, unknown>)) {
      if (!RULE_SETTINGS.includes(v as RuleSetting)) fail(`rules.${id}`, `expected one of ${RULE_SETTINGS.join(', ')}`);
      config.rules[id] = v as RuleSetting;
    }
  }
  if (d.audit !== undefined) config.audit = auditThresholds(d.audit, fail);
  return config;
}

/** `audit: { review: 2.5, hold: 8 }`: scores ≥ 0, review below hold. */
function auditThresholds(v: unknown, fail: (key: string, message: string) => never): { review?: number; hold?: number } {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail('audit', 'expected an object with review and/or hold');
  const out: { review?: number; hold?: number } = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (k !== 'review' && k !== 'hold') fail(`audit.${k}`, 'unknown key (expected review or hold)');
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) fail(`audit.${k}`, 'expected a number ≥ 0');
    out[k as 'review' | 'hold'] = x as number;
  }
  if (out.review !== undefined && out.hold !== undefined && out.review > out.hold) fail('audit.review', 'must not be above audit.hold');
  return out;
}
