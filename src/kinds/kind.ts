// The contract every rule kind implements, and helpers for reading a kind's options with
// errors that name the rule file and line.

import type { TextDocument } from '../text/document.js';
import type { Match, RuleSpec } from '../types.js';
import { RuleError } from '../engine/errors.js';
import { knownSafe, regexHazard } from '../engine/regex-safety.js';

/** Finds matches in a document; built once per rule by the kind's `compile`. */
export interface Checker {
  (doc: TextDocument): Match[];
  /** Checkers of one group are run together, in one pass over the document (see CheckerGroup). */
  group?: CheckerGroup;
}

/** Runs several checkers of a kind in one pass: their matches, in the order given. */
export interface CheckerGroup {
  run(doc: TextDocument, checkers: Checker[]): Match[][];
  /** Builds now what `run` with these checkers would build on first use (part of loading a rule set). */
  prepare?(checkers: Checker[]): void;
}

/** Shared data the kinds may look up, loaded lazily from rules/lists/. */
export interface KindEnv {
  /** A named list from rules/lists/<name>.yaml (its `entries`). */
  list(name: string): unknown[];
  /** True for a lower-case word found in the English word list. */
  isEnglishWord(lowerWord: string): boolean;
}

export interface Kind {
  name: string;
  /** Option keys the kind accepts besides the common rule keys. */
  options: string[];
  compile(spec: RuleSpec, env: KindEnv): Checker;
  /** Its findings may cover protected ranges (URLs, e-mail addresses, handles): they are kept. */
  coversProtected?: boolean;
  /**
   * Its rules (or those for which this returns true) assume English: their findings on lines that
   * are not English (text/language.ts) are dropped.
   */
  english?: boolean | ((spec: RuleSpec) => boolean);
}

/** Typed access to a rule's kind-specific options. */
export class Options {
  constructor(private readonly spec: RuleSpec) {}

  fail(key: string, message: string): never {
    throw new RuleError(this.spec.file, this.spec.lines[key] ?? 1, `${key}: ${message}`);
  }

  has(key: string): boolean {
    return this.spec.options[key] !== undefined;
  }

  string(key: string, fallback?: string): string {
    const v = this.spec.options[key] ?? fallback;
    if (typeof v !== 'string') this.fail(key, 'expected a string');
    return v;
  }

  number(key: string, fallback?: number): number {
    const v = this.spec.options[key] ?? fallback;
    if (typeof v !== 'number' || Number.isNaN(v)) this.fail(key, 'expected a number');
    return v;
  }

  stringList(key: string, fallback: string[] = []): string[] {
    const v = this.spec.options[key] ?? fallback;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) this.fail(key, 'expected a list of strings');
    return v as string[];
  }

  list(key: string, fallback?: unknown[]): unknown[] {
    const v = this.spec.options[key] ?? fallback;
    if (!Array.isArray(v)) this.fail(key, 'expected a list');
    return v;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], fallback?: T): T {
    const v = this.spec.options[key] ?? fallback;
    if (typeof v !== 'string' || !allowed.includes(v as T)) this.fail(key, `expected one of ${allowed.join(', ')}`);
    return v as T;
  }

  /** Compiles a regular expression, naming the rule file and key when it is invalid. */
  regex(key: string, source: string, flags: string): RegExp {
    let re: RegExp;
    try {
      re = new RegExp(source, flags);
    } catch (e) {
      this.fail(key, `invalid regular expression /${source}/: ${(e as Error).message}`);
    }
    const hazard = regexHazard(source, flags);
    if (hazard) this.fail(key, `regular expression /${source}/ refused: ${hazard} can backtrack catastrophically`);
    return re;
  }

  /** Checks a regular expression as `regex` does, for a caller that compiles it otherwise (not again for one this process or the build already passed). */
  checkRegex(key: string, source: string, flags: string): void {
    if (!knownSafe(source, flags)) this.regex(key, source, flags);
  }
}
