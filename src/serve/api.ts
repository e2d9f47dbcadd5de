// The review server's JSON API, as plain functions of parsed request bodies: lint a text, apply
// chosen findings' fixes (or a fix level), diff two texts, and open and save the files named on
// the command line. Every finding, fix, position and patch comes from the library API.

import {
  applyEdits,
  findingIds,
  fix,
  FORMATTERS,
  lint,
  resolveFormat,
  type Edit,
  type InputFormat,
  type LintFinding,
  type LintOptions,
  type Rule,
} from '../index.js';
import { ApiFailure } from './failure.js';
import { ServedFiles } from './files.js';
import type {
  ApiFinding,
  DiffRequest,
  DiffResponse,
  FilesResponse,
  FixChoice,
  FixRequest,
  FixResponse,
  LintRequest,
  LintResponse,
  OpenRequest,
  OpenResponse,
  SaveRequest,
  SaveResponse,
  TextOptions,
} from './types.js';

const FORMATS = ['auto', 'text', 'markdown', 'html', 'feed', 'ndjson'];

/** What the command line decided: the rules (per house style), how to read texts, the files. */
export interface ApiOptions {
  /** The rules for a house style (undefined: the configured one); throws a UsageError for an unknown style. */
  rulesFor(style: string | undefined): { rules: Rule[]; knownRuleIds: string[] };
  styles: string[];
  style?: string;
  inputFormat?: InputFormat | 'auto';
  inlineConfig?: boolean;
  files: string[];
  maxBytes: number;
}

export class Api {
  readonly files: ServedFiles;

  constructor(readonly o: ApiOptions) {
    this.files = new ServedFiles(o.files);
  }

  filesList(): FilesResponse {
    return { files: this.o.files.map((path) => ({ path, format: resolveFormat('', { format: this.o.inputFormat, filename: path }) })), styles: this.o.styles, style: this.o.style, maxBytes: this.o.maxBytes };
  }

  lint(body: unknown): LintResponse {
    const req = textRequest<LintRequest>(body, ['text']);
    const options = this.#options(req, req.text);
    return this.#report(req.text, lint(req.text, options), options);
  }

  fix(body: unknown): FixResponse {
    const req = textRequest<FixRequest>(body, ['text']);
    const options = this.#options(req, req.text);
    const text = req.text;
    if ((req.ids === undefined) === (req.level === undefined)) throw bad('give either `ids` (findings to fix) or `level` (safe or suggest)');
    const before = lint(text, options);
    const ids = findingIds(text, before);
    let output: string;
    let passes: Edit[][];
    const applied: string[] = [];
    const skipped: string[] = [];
    if (req.level !== undefined) {
      if (req.level !== 'safe' && req.level !== 'suggest') throw bad('`level` is safe or suggest');
      const r = fix(text, { ...options, level: req.level });
      output = r.output;
      passes = r.applied;
      // The first pass's fixed findings are the first ones recorded; name them by their place.
      const first = new Set(r.fixed.slice(0, passes[0]?.length ?? 0).map(rangeKey));
      before.forEach((f, i) => first.has(rangeKey(f)) && applied.push(ids[i]));
    } else {
      if (!Array.isArray(req.ids)) throw bad('`ids` is a list of finding ids');
      const byId = new Map(ids.map((id, i) => [id, before[i]]));
      const chosen = new Map<Edit, string>();
      for (const choice of req.ids) {
        const [id, edit] = editOf(choice, byId);
        chosen.set(edit, id);
      }
      const pass = applyEdits(text, [...chosen.keys()]);
      output = pass.text;
      passes = [pass.applied];
      for (const e of pass.applied) applied.push(chosen.get(e)!);
      for (const e of pass.skipped) skipped.push(chosen.get(e)!);
    }
    const after = lint(output, options);
    const report = this.#report(output, after, options);
    // Findings the fixes did not touch keep the id they had in the text sent, as previousId.
    const previous = new Map<string, string>();
    before.forEach((f, i) => {
      const moved = mapThrough(f, passes);
      if (moved) previous.set(rangeKey({ ruleId: f.ruleId, start: moved[0], end: moved[1] }), ids[i]);
    });
    report.files[0].findings.forEach((f) => {
      const p = previous.get(rangeKey(f));
      if (p !== undefined) f.previousId = p;
    });
    return { ...report, text: output, patch: this.#patch(req, text, output, false), applied, skipped, changed: changedRanges(passes) };
  }

  diff(body: unknown): DiffResponse {
    const req = textRequest<DiffRequest>(body, ['original', 'text']);
    if (req.bom !== undefined && typeof req.bom !== 'boolean') throw bad('`bom` is true or false');
    return { patch: this.#patch(req, req.original, req.text, req.bom ?? false) };
  }

  open(body: unknown): OpenResponse {
    const req = object(body) as unknown as OpenRequest;
    if (typeof req.path !== 'string') throw bad('`path` is one of the files named on the command line');
    const file = this.files.read(req.path);
    const options = this.#options({ filename: req.path }, file.text);
    return { ...this.#report(file.text, lint(file.text, options), options), path: req.path, text: file.text, revision: file.revision, bom: file.bom };
  }

  save(body: unknown): SaveResponse {
    const req = object(body) as unknown as SaveRequest;
    if (typeof req.path !== 'string' || typeof req.text !== 'string' || typeof req.revision !== 'string') throw bad('`path`, `text` and `revision` are strings');
    return { revision: this.files.write(req.path, req.text, req.revision) };
  }

  /** The library's options for a request: rules for its style, its format, the command line's settings. */
  #options(req: TextOptions, text: string): LintOptions {
    if (req.style !== undefined && typeof req.style !== 'string') throw bad('`style` is a house style name');
    if (req.format !== undefined && (typeof req.format !== 'string' || !FORMATS.includes(req.format))) throw bad(`\`format\` is one of ${FORMATS.join(', ')}`);
    if (req.filename !== undefined && typeof req.filename !== 'string') throw bad('`filename` is a string');
    const { rules, knownRuleIds } = this.o.rulesFor(req.style);
    const format = resolveFormat(text, { format: (req.format as InputFormat | 'auto' | undefined) ?? this.o.inputFormat ?? 'auto', filename: req.filename });
    return { rules, knownRuleIds, format, filename: req.filename, inlineConfig: this.o.inlineConfig };
  }

  /** The `--format json` document for `text`, each finding with its id. */
  #report(text: string, findings: LintFinding[], options: LintOptions): LintResponse {
    const path = options.filename ?? 'text';
    const doc = JSON.parse(FORMATTERS.json([{ path, text, findings, inputFormat: options.format as InputFormat }], { color: false, diffContext: 1 })) as LintResponse;
    const ids = findingIds(text, findings);
    doc.files[0].findings.forEach((f: ApiFinding, i) => (f.id = ids[i]));
    return { ...doc, format: options.format as string };
  }

  /** The unified diff `--format diff` prints for this change. */
  #patch(req: TextOptions, before: string, after: string, bom: boolean): string {
    return FORMATTERS.diff([{ path: req.filename ?? 'text', text: before, output: after, bom, findings: [] }], { color: false, diffContext: 1 });
  }
}

/** The edit a choice names: the finding's fix, else its first suggestion, or the chosen suggestion. */
function editOf(choice: FixChoice, byId: Map<string, LintFinding>): [string, Edit] {
  const id = typeof choice === 'string' ? choice : choice?.id;
  if (typeof id !== 'string') throw bad('each of `ids` is an id or {"id", "suggestion"}');
  const f = byId.get(id);
  if (!f) throw new ApiFailure(409, `no finding ${id} in this text (it changed: lint it again)`);
  if (typeof choice !== 'string') {
    const n = choice.suggestion;
    if (!Number.isInteger(n) || n < 0 || n >= f.suggestions.length) throw bad(`finding ${id} has ${f.suggestions.length} suggestion(s); \`suggestion\` counts from 0`);
    return [id, f.suggestions[n]];
  }
  const edit = f.fix ?? f.suggestions[0];
  if (!edit) throw new ApiFailure(409, `finding ${id} (${f.ruleId}) has no fix: edit the text instead`);
  return [id, edit];
}

/** A finding's range after each pass of edits (each pass's offsets into the text before it); null if an edit touched it. */
function mapThrough(f: { start: number; end: number }, passes: Edit[][]): [number, number] | null {
  let { start, end } = f;
  for (const edits of passes) {
    let shift = 0;
    for (const e of edits) {
      if (e.end <= start && !(e.start === e.end && e.start === start && start === end)) shift += e.text.length - (e.end - e.start);
      else if (e.start < end || (e.start === end && e.end === end && start === end)) return null;
    }
    start += shift;
    end += shift;
  }
  return [start, end];
}

/** The new text of each applied edit, located in the final text (dropped if a later pass edited it). */
function changedRanges(passes: Edit[][]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  passes.forEach((edits, p) => {
    let shift = 0;
    for (const e of edits) {
      const start = e.start + shift;
      shift += e.text.length - (e.end - e.start);
      const moved = e.text.length > 0 ? mapThrough({ start, end: start + e.text.length }, passes.slice(p + 1)) : null;
      if (moved) out.push({ start: moved[0], end: moved[1] });
    }
  });
  return out.sort((a, b) => a.start - b.start);
}

const rangeKey = (f: { ruleId: string; start: number; end: number }) => `${f.ruleId}\u0000${f.start}\u0000${f.end}`;

function bad(message: string): ApiFailure {
  return new ApiFailure(400, message);
}

function object(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bad('the request body is a JSON object');
  return body as Record<string, unknown>;
}

/** A request body with these string fields. */
function textRequest<T>(body: unknown, fields: string[]): T {
  const o = object(body);
  for (const f of fields) if (typeof o[f] !== 'string') throw bad(`\`${f}\` is a string`);
  return o as T;
}
