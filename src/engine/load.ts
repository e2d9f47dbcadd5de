// Loads rules/<pack>/<name>.yaml into compiled rules: validates the common keys, lets the kind
// validate and compile its own, and (unless told not to) runs the rule's examples so that a rule
// whose examples fail refuses to load. The rule id is the path without `.yaml`.
//
// The built-in rules/ folder is also precompiled at build time (src/engine/compile-rules.ts →
// dist/rules.json: every rule file's parsed spec and every shared list), so that start-up does not
// import or run the YAML parser. The JSON is used only while its hash of the YAML files matches
// the folder's; otherwise (a rule edited since the build) the YAML is parsed as before. The hash is
// computed only when the folder looks changed since the build (see `stampHolds`).

import { existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KINDS } from '../kinds/index.js';
import type { Checker, KindEnv } from '../kinds/kind.js';
import type { ExampleSource, FixSafety, RuleExamples, RuleSpec, Severity } from '../types.js';
import { RuleError } from './errors.js';
import { verifyExamples } from './examples.js';
import { lintText } from './lint.js';
import { derivedFacts, recordDerived, seedDerived } from './derived.js';
import { markSafe, safePatterns } from './regex-safety.js';
import { BUILTIN_RULES_DIR } from './rules-dir.js';
import { isEnglishWord } from './english.js';

export { BUILTIN_RULES_DIR } from './rules-dir.js';
export { ENGLISH_INDEX, englishWords, indexEnglish, isEnglishWord, type EnglishIndex } from './english.js';

export interface Rule extends RuleSpec {
  check: Checker;
  /** From the kind: findings inside protected ranges are kept. */
  coversProtected?: boolean;
  /** From the kind: the rule assumes English, so it is not applied to lines in another language. */
  english?: boolean;
}

export interface LoadOptions {
  /** Rule folders; default: the rules/ folder shipped with mtlint. */
  dirs?: string[];
  /** Run every rule's examples and refuse a rule whose examples fail (default true). */
  verify?: boolean;
}

const require = createRequire(import.meta.url);
/** The `yaml` package, imported on first use (≈ 30 ms): start-up with precompiled rules never needs it. */
const yaml = (): typeof import('yaml') => require('yaml') as typeof import('yaml');

/** Where `npm run build` writes the precompiled built-in rules. */
export const COMPILED_RULES = join(BUILTIN_RULES_DIR, '..', 'dist', 'rules.json');

/** dist/rules.json: specs with `file` relative to the rules folder. */
export interface CompiledRules {
  version: 2;
  /** SHA-1 over the names and contents of every rule file and list. */
  hash: string;
  stamp: RulesStamp;
  specs: RuleSpec[];
  lists: Record<string, unknown[]>;
  /** Regular expressions of these rules that passed the backtracking check (regex-safety.ts), not checked again at load. */
  safe: string[];
  /** What pure functions derived from these rules' patterns (derived.ts), not derived again at load. */
  derived: [string, unknown][];
}

const LISTS = 'lists';
const COMMON = ['kind', 'severity', 'confidence', 'message', 'description', 'source', 'fix', 'enabled', 'supersedes', 'examples'];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const SAFETIES: FixSafety[] = ['safe', 'suggest', 'none'];

export function loadRules(options: LoadOptions = {}): Rule[] {
  const rules: Rule[] = [];
  for (const dir of options.dirs ?? [BUILTIN_RULES_DIR]) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new RuleError(dir, 1, 'rule folder not found');
    const env = makeEnv(dir);
    const compiled = dir === BUILTIN_RULES_DIR ? precompiled() : undefined;
    const specs = compiled ? compiled.specs.map((s) => ({ ...s, file: join(dir, s.file) })) : ruleFiles(dir).map((file) => parseRuleFile(file, dir));
    for (const spec of specs) {
      // A precompiled rule is known to compile; one that is off is compiled only if something turns it on.
      const rule = compiled && !spec.enabled ? lazyRule(spec, env) : compileRule(spec, env);
      if (options.verify !== false) verifyExamples(rule);
      rules.push(rule);
    }
  }
  rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rules;
}

let compiledCache: CompiledRules | null | undefined;
/** A rule ready to run: its spec, its kind's checker and what the kind declares. */
export function compileRule(spec: RuleSpec, env: KindEnv): Rule {
  const kind = KINDS[spec.kind];
  return { ...spec, check: kind.compile(spec, env), ...declared(spec) };
}

/** What a rule's kind declares about it (see Kind). */
function declared(spec: RuleSpec): Pick<Rule, 'coversProtected' | 'english'> {
  const { coversProtected, english } = KINDS[spec.kind];
  return { coversProtected, english: typeof english === 'function' ? english(spec) : english };
}

/** A rule whose kind compiles it when its checker is first read (spreading it, `{...rule}`, reads it). */
function lazyRule(spec: RuleSpec, env: KindEnv): Rule {
  const rule = { ...spec, ...declared(spec) } as Rule;
  Object.defineProperty(rule, 'check', {
    configurable: true,
    enumerable: true,
    get() {
      const check = KINDS[spec.kind].compile(spec, env);
      Object.defineProperty(rule, 'check', { value: check, writable: true, enumerable: true, configurable: true });
      return check;
    },
  });
  return rule;
}

/** dist/rules.json when it exists and matches the rules/ folder, else null (parse the YAML). */
function precompiled(): CompiledRules | null {
  if (compiledCache !== undefined) return compiledCache;
  compiledCache = null;
  if (process.env.MTLINT_NO_PRECOMPILED || !existsSync(COMPILED_RULES)) return null;
  try {
    const data = JSON.parse(readFileSync(COMPILED_RULES, 'utf8')) as CompiledRules;
    if (data.version === 2 && rulesMatch(BUILTIN_RULES_DIR, data)) {
      compiledCache = data;
      markSafe(data.safe ?? []);
      seedDerived(data.derived ?? []);
    }
  } catch {
    // unreadable or from another version: parse the YAML
  }
  return compiledCache;
}

/** The YAML files a compiled rules folder depends on: rule files, then lists. */
function listFiles(dir: string): string[] {
  const lists = join(dir, LISTS);
  return existsSync(lists) ? readdirSync(lists).sort().filter((n) => /\.ya?ml$/.test(n)).map((n) => join(lists, n)) : [];
}

/**
 * What the build saw of a rules folder, to tell without reading it that it has not changed: the
 * newest modification time among its folders, rule files and lists, and every file's size.
 */
export interface RulesStamp {
  newest: number;
  /** Folders, relative ('' is the rules folder itself). */
  dirs: string[];
  /** Rule files and lists, relative, with their sizes in bytes. */
  files: [string, number][];
}

/** Taken before the files are read, so that a file written while the build reads it is newer than `newest`. */
export function stampRules(dir: string): RulesStamp {
  const dirs: string[] = [];
  const files = [...ruleFiles(dir, dirs), ...listFiles(dir)];
  if (existsSync(join(dir, LISTS))) dirs.push(join(dir, LISTS));
  let newest = 0;
  const stat = (p: string) => {
    const st = statSync(p);
    newest = Math.max(newest, st.mtimeMs);
    return st.size;
  };
  return {
    dirs: dirs.map((d) => (stat(d), relative(dir, d))),
    files: files.map((f) => [relative(dir, f), stat(f)]),
    newest,
  };
}

/**
 * True when no folder or file of the stamp has been modified after the build saw it and every
 * file has its size: nothing was added, removed, renamed (each changes its folder's time) or
 * written since. An installed package has every time set to one date by npm: it holds there too.
 * Only a file given back an older time with the same size escapes it (MTLINT_NO_PRECOMPILED).
 */
export function stampHolds(dir: string, stamp: RulesStamp): boolean {
  for (const d of stamp.dirs) {
    const st = statSync(join(dir, d), { throwIfNoEntry: false });
    if (!st?.isDirectory() || st.mtimeMs > stamp.newest) return false;
  }
  for (const [f, size] of stamp.files) {
    const st = statSync(join(dir, f), { throwIfNoEntry: false });
    if (!st?.isFile() || st.size !== size || st.mtimeMs > stamp.newest) return false;
  }
  return true;
}

/** The folder's rule files and lists are those compiled: unchanged by their stamp, else by their hash (≈ 5 ms, and node:crypto). */
export function rulesMatch(dir: string, compiled: Pick<CompiledRules, 'hash' | 'stamp'>): boolean {
  return stampHolds(dir, compiled.stamp) || compiled.hash === hashRules(dir);
}

export function hashRules(dir: string): string {
  const h = process.getBuiltinModule('node:crypto').createHash('sha1');
  // Every file is join(dir, …): its path relative to dir is what follows join(dir, sep) (path.relative costs ≈ 20 µs a call).
  const base = join(dir, sep);
  for (const file of [...ruleFiles(dir), ...listFiles(dir)]) {
    h.update(file.slice(base.length)).update('\0').update(readFileSync(file)).update('\0');
  }
  return h.digest('hex');
}

/** Parses the rules folder (rule files and lists) into the JSON that `npm run build` writes; compiles each rule to check its patterns. */
export function compileRulesDir(dir: string): CompiledRules {
  return recordDerived(() => compileRulesDirRecording(dir));
}

function compileRulesDirRecording(dir: string): CompiledRules {
  const stamp = stampRules(dir);
  const env = makeEnv(dir);
  const specs = ruleFiles(dir).map((file) => {
    const spec = parseRuleFile(file, dir);
    // Run once, so that what a kind derives on its first text (derived.ts) is recorded too.
    const rule = compileRule(spec, env);
    lintText(spec.examples.flag[0]?.text ?? '', [{ ...rule, enabled: true }]);
    return { ...spec, file: relative(dir, file) };
  });
  const lists: Record<string, unknown[]> = {};
  for (const file of listFiles(dir)) lists[file.slice(join(dir, LISTS).length + 1).replace(/\.ya?ml$/, '')] = parseList(file);
  return { version: 2, hash: hashRules(dir), stamp, specs, lists, safe: safePatterns().sort(), derived: derivedFacts() };
}

function parseList(path: string): unknown[] {
  const data = yaml().parseDocument(readFileSync(path, 'utf8')).toJS() as { entries?: unknown[] };
  return data.entries ?? [];
}

/** The rule files under `dir`, in order; `dirs` receives every folder visited. */
function ruleFiles(dir: string, dirs: string[] = []): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    dirs.push(d);
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (!(d === dir && name === LISTS)) walk(p);
      } else if (/\.ya?ml$/.test(name) && d !== dir) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Parses and validates the keys every rule has; kind-specific keys go to `options`. */
export function parseRuleFile(file: string, rulesDir: string): RuleSpec {
  const { LineCounter, parseDocument, isMap, isScalar } = yaml();
  const counter = new LineCounter();
  const source = readFileSync(file, 'utf8');
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    throw new RuleError(file, counter.linePos(err.pos[0]).line, `invalid YAML: ${err.message.split('\n')[0]}`);
  }
  if (!isMap(doc.contents)) throw new RuleError(file, 1, 'a rule file must be a mapping of keys');
  const lines: Record<string, number> = {};
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.range) lines[String(pair.key.value)] = counter.linePos(pair.key.range[0]).line;
  }
  const data = doc.toJS() as Record<string, unknown>;
  const id = relative(rulesDir, file).replace(/\.ya?ml$/, '').split(sep).join('/');
  const fail = (key: string, message: string): never => {
    throw new RuleError(file, lines[key] ?? 1, `${key}: ${message}`);
  };

  const kindName = data.kind;
  if (typeof kindName !== 'string' || !(kindName in KINDS)) {
    fail('kind', `expected one of ${Object.keys(KINDS).join(', ')}`);
  }
  const kind = KINDS[kindName as string];
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (COMMON.includes(key)) continue;
    if (!kind.options.includes(key)) fail(key, `unknown key for kind ${kind.name}`);
    options[key] = value;
  }
  const text = (key: string): string => {
    const v = data[key];
    if (typeof v !== 'string' || v.trim() === '') fail(key, 'required, a non-empty string');
    return v as string;
  };
  const severity = data.severity as Severity;
  if (!SEVERITIES.includes(severity)) fail('severity', `expected one of ${SEVERITIES.join(', ')}`);
  const fix = data.fix as FixSafety;
  if (!SAFETIES.includes(fix)) fail('fix', `expected one of ${SAFETIES.join(', ')}`);
  const confidence = data.confidence;
  if (typeof confidence !== 'number' || confidence < 0 || confidence > 1) fail('confidence', 'expected a number from 0 to 1');
  const enabled = data.enabled ?? true;
  if (typeof enabled !== 'boolean') fail('enabled', 'expected true or false');
  const supersedes = data.supersedes;
  if (supersedes !== undefined && !(Array.isArray(supersedes) && supersedes.every((x) => typeof x === 'string' && /^[\w.-]+(?:\/[\w.-]+)+$/.test(x)))) {
    fail('supersedes', 'expected a list of rule ids (folder/name)');
  }

  return {
    id,
    kind: kind.name,
    severity,
    confidence: confidence as number,
    message: text('message'),
    description: text('description'),
    source: text('source'),
    fix,
    enabled: enabled as boolean,
    ...(supersedes ? { supersedes: supersedes as string[] } : {}),
    examples: parseExamples(data.examples, fail),
    options,
    file,
    lines,
  };
}

function parseExamples(value: unknown, fail: (key: string, message: string) => never): RuleExamples {
  if (typeof value !== 'object' || value === null) fail('examples', 'required: `flag` and `pass` lists');
  const { flag, pass, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) fail('examples', `unknown key ${Object.keys(rest)[0]}`);
  if (!Array.isArray(flag) || flag.length === 0) fail('examples', '`flag` must list at least one text');
  if (!Array.isArray(pass) || pass.length === 0) fail('examples', '`pass` must list at least one text');
  const flags = (flag as unknown[]).map((e) => {
    if (typeof e === 'string') return { text: e };
    const { text, output, source, source_lang: lang, ...other } = (e ?? {}) as Record<string, unknown>;
    if (typeof text !== 'string') fail('examples', 'each `flag` entry needs `text`');
    if (output !== undefined && typeof output !== 'string') fail('examples', '`output` must be a string');
    if (Object.keys(other).length > 0) fail('examples', `unknown key ${Object.keys(other)[0]} in a \`flag\` entry`);
    return { text: text as string, ...(output === undefined ? {} : { output: output as string }), ...exampleSource(source, lang, fail) };
  });
  const passes = (pass as unknown[]).map((p) => {
    if (typeof p === 'string') return { text: p };
    const { text, source, source_lang: lang, ...other } = (p ?? {}) as Record<string, unknown>;
    if (typeof text !== 'string' || source === undefined || Object.keys(other).length > 0) fail('examples', '`pass` entries must be strings, or `text` with a `source`');
    return { text: text as string, ...exampleSource(source, lang, fail) };
  });
  const out: RuleExamples = { flag: flags, pass: passes.map((p) => p.text) };
  if (passes.some((p) => p.source)) out.passSources = passes.map((p) => p.source);
  return out;
}

/** An example's `source` (the original of a translation) and `source_lang`. */
function exampleSource(source: unknown, lang: unknown, fail: (key: string, message: string) => never): { source?: ExampleSource } {
  if (source === undefined) {
    if (lang !== undefined) fail('examples', '`source_lang` goes with `source`');
    return {};
  }
  if (typeof source !== 'string') fail('examples', '`source` must be a string');
  if (lang !== undefined && typeof lang !== 'string') fail('examples', '`source_lang` must be a string');
  return { source: lang === undefined ? { text: source as string } : { text: source as string, lang: lang as string } };
}

/** Shared lists (rules/lists/<name>.yaml) and the English word list, each read on first use. */
export function makeEnv(dir: string): KindEnv {
  const lists = new Map<string, unknown[]>();
  return {
    list(name: string): unknown[] {
      let entries = lists.get(name);
      if (!entries) {
        const file = join(dir, LISTS, `${name}.yaml`);
        const fallback = join(BUILTIN_RULES_DIR, LISTS, `${name}.yaml`);
        const path = existsSync(file) ? file : fallback;
        if (!existsSync(path)) throw new RuleError(file, 1, `list ${name} not found`);
        const compiled = path === fallback ? precompiled()?.lists[name] : undefined;
        entries = compiled ?? parseList(path);
        lists.set(name, entries);
      }
      return entries;
    },
    isEnglishWord,
  };
}
