// The language server: keeps the editor's open documents, checks each one through the library
// API when it opens and shortly after it changes (debounced), publishes the findings as
// diagnostics, and offers code actions: a finding's fix, each suggestion, fix all safe findings,
// and turning a rule off on one line (Markdown, HTML). Rules come as the command line would load
// them in the document's workspace folder, loaded again when their files change.

import { dirname, isAbsolute, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILES } from '../config/config.js';
import { IGNORE_FILE } from '../config/ignore.js';
import { assertCheckable, lint, resolveFormat, UsageError, type Edit, type InputFormat, type LintFinding, type LintOptions, type Severity } from '../index.js';
import { COMMENT_FORMATS, disableLineEdit, editTitle, fixAllEdits } from './actions.js';
import { LineIndex } from './positions.js';
import { RuleSets } from './rule-sets.js';
import { parseSettings, type Settings } from './settings.js';

/** The kind of the fix-all action editors run on save (VS Code: "editor.codeActionsOnSave": { "source.fixAll.mtlint": "explicit" }). */
const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.mtlint`;
/** How often the rules' files are looked at for changes the editor does not report (rule folders outside the workspace, editors without file watching). */
const POLL_MS = 1000;

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };

/** A document as last checked. */
interface Checked {
  version: number;
  lines: LineIndex;
  format: InputFormat;
  findings: LintFinding[];
  /** One per finding, in the same order; or one saying why the document was not checked. */
  diagnostics: Diagnostic[];
  /** How it was linted (absent when it was not). */
  options?: LintOptions;
}

/** What a code action left for codeAction/resolve to compute. */
interface ActionData {
  type: 'fixAll' | 'disable';
  uri: string;
  ruleId?: string;
  line?: number;
}

export function startServer(connection: Connection, version: string): void {
  const documents = new TextDocuments(TextDocument);
  const checked = new Map<string, Checked>();
  const timers = new Map<string, NodeJS.Timeout>();
  let capabilities: ClientCapabilities = {};
  let roots: string[] = [];
  let initOptions: unknown;
  let settings: Settings = parseSettings(undefined).settings;
  let ruleSets = new RuleSets(settings);
  /** Rule and configuration files that carry a diagnostic for a load failure, by URI, with what was sent. */
  let failedFiles = new Map<string, string>();

  const log = (message: string) => connection.console.log(`mtlint: ${message}`);
  // A notification: window/showMessageRequest would wait for an answer that some clients never give.
  const warn = (message: string) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });

  const applySettings = (raw: unknown) => {
    const parsed = parseSettings(raw);
    settings = parsed.settings;
    ruleSets = new RuleSets(settings);
    if (parsed.problems.length > 0) warn(`mtlint settings: ${parsed.problems.join('; ')}`);
  };

  connection.onInitialize((params) => {
    capabilities = params.capabilities;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    roots = folders.flatMap((u) => (u.startsWith('file:') ? [fileURLToPath(u)] : []));
    if (roots.length === 0 && params.rootPath) roots = [params.rootPath];
    initOptions = params.initializationOptions;
    applySettings(initOptions);
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
      },
      serverInfo: { name: 'mtlint', version },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      const names = [...CONFIG_FILES, IGNORE_FILE].join(',');
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/{${names}}` }, { globPattern: '**/*.{yaml,yml,tsv}' }],
      });
    }
    setInterval(refresh, POLL_MS).unref();
  });

  connection.onDidChangeConfiguration((params) => {
    const section = (params.settings as { mtlint?: unknown } | null)?.mtlint;
    if (section === undefined || section === null || typeof section !== 'object') return;
    applySettings({ ...(typeof initOptions === 'object' && initOptions ? initOptions : {}), ...section });
    for (const uri of checked.keys()) check(uri);
  });

  connection.onDidChangeWatchedFiles(() => refresh());

  /** Checks again the documents whose rules' files changed. */
  function refresh(): void {
    const stale = new Map<string, boolean>();
    for (const uri of checked.keys()) {
      const root = rootFor(uri);
      if (!stale.has(root)) stale.set(root, ruleSets.stale(root));
      if (stale.get(root)) check(uri);
    }
  }

  documents.onDidChangeContent(({ document }) => {
    // A document just opened is checked at once; a change after a pause in typing.
    if (!checked.has(document.uri)) check(document.uri);
    else schedule(document.uri);
  });
  documents.onDidSave(() => refresh());
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    checked.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  function schedule(uri: string): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        check(uri);
      }, settings.debounceMs),
    );
  }

  /** The path of a file: URI, else undefined. */
  const pathOf = (uri: string) => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined);

  /** The workspace folder a document is in (its rules are those of `mtlint` run there); else its own folder. */
  function rootFor(uri: string): string {
    const path = pathOf(uri);
    const inside = path ? roots.filter((r) => !relative(r, path).startsWith('..') && !isAbsolute(relative(r, path))) : [];
    if (inside.length > 0) return inside.sort((a, b) => b.length - a.length)[0];
    return path ? dirname(path) : (roots[0] ?? process.cwd());
  }

  /** Checks a document now and publishes its diagnostics. */
  function check(uri: string): Checked | undefined {
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const text = doc.getText();
    const lines = new LineIndex(text);
    const root = rootFor(uri);
    const path = pathOf(uri);
    const filename = path ? (relative(root, path).startsWith('..') ? path : relative(root, path)) : uri.slice(uri.lastIndexOf('/') + 1);
    const format: InputFormat = doc.languageId === 'markdown' || doc.languageId === 'html' ? doc.languageId : resolveFormat(text, { format: 'auto', filename });
    const state: Checked = { version: doc.version, lines, format, findings: [], diagnostics: [] };
    const set = ruleSets.get(root);
    publishFailures();
    if (!set.ok) {
      state.diagnostics = [problem(lines, 0, `mtlint could not load its rules: ${set.error.message}`, DiagnosticSeverity.Error)];
    } else if (path && set.ignored(path)) {
      log(`${filename} is ignored (.mtlintignore or the configuration's ignore): not checked`);
    } else {
      const options: LintOptions = { rules: set.rules, format, filename, inlineConfig: settings.inlineConfig, knownRuleIds: set.knownRuleIds };
      try {
        assertCheckable(text, filename);
        state.findings = lint(text, options);
        state.options = options;
        state.diagnostics = state.findings.map((f) => {
          const rule = set.byId.get(f.ruleId);
          return {
            range: lines.range(f.start, f.end),
            severity: SEVERITY[f.severity],
            code: f.ruleId,
            ...(rule ? { codeDescription: { href: pathToFileURL(rule.file).href } } : {}),
            source: 'mtlint',
            message: f.message,
          };
        });
      } catch (e) {
        state.diagnostics = [errorDiagnostic(lines, filename, e)];
      }
    }
    checked.set(uri, state);
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: state.diagnostics });
    return state;
  }

  /** A rule or configuration file that stops the rules from loading carries the error at its line. */
  function publishFailures(): void {
    const now = new Map<string, Diagnostic[]>();
    for (const f of ruleSets.failures()) {
      const uri = pathToFileURL(f.file).href;
      const range = { start: { line: Math.max(0, f.line - 1), character: 0 }, end: { line: Math.max(0, f.line), character: 0 } };
      now.set(uri, [...(now.get(uri) ?? []), { range, severity: DiagnosticSeverity.Error, source: 'mtlint', message: f.message }]);
    }
    const next = new Map<string, string>();
    for (const [uri, diagnostics] of now) {
      const key = JSON.stringify(diagnostics);
      next.set(uri, key);
      if (failedFiles.get(uri) !== key) void connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const uri of failedFiles.keys()) if (!next.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    failedFiles = next;
  }

  /** The document as checked now: the last check if the text has not changed since, else a new one. */
  function current(uri: string): Checked | undefined {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const c = checked.get(uri);
    return c && c.version === doc.version ? c : check(uri);
  }

  const resolves = () => capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') ?? false;

  function workspaceEdit(uri: string, c: Checked, edits: readonly Edit[]): WorkspaceEdit {
    const textEdits: TextEdit[] = edits.map((e) => ({ range: c.lines.range(e.start, e.end), newText: e.text }));
    return capabilities.workspace?.workspaceEdit?.documentChanges ? { documentChanges: [{ textDocument: { uri, version: c.version }, edits: textEdits }] } : { changes: { [uri]: textEdits } };
  }

  /** Fills in the edit of a fix-all or disable action; false when it has none. */
  function resolveEdit(action: CodeAction, c: Checked): boolean {
    const data = action.data as ActionData;
    if (!c.options) return false;
    if (data.type === 'fixAll') {
      action.edit = workspaceEdit(data.uri, c, fixAllEdits(c.lines.text, c.options));
      return true;
    }
    const edit = disableLineEdit(c.lines, c.findings, c.options, data.ruleId!, data.line!);
    if (edit) action.edit = workspaceEdit(data.uri, c, [edit]);
    return edit !== null;
  }

  connection.onCodeAction((params) => {
    const uri = params.textDocument.uri;
    // A closed (or never opened) document has nothing to offer.
    const c = current(uri);
    if (!c) return [];
    const text = c.lines.text;
    const lo = c.lines.offset(params.range.start);
    const hi = c.lines.offset(params.range.end);
    const asked = new Set(params.context.diagnostics.map(diagnosticKey));
    const picked = c.findings.flatMap((f, i) => ((f.start <= hi && f.end >= lo) || asked.has(diagnosticKey(c.diagnostics[i])) ? [i] : []));
    const only = params.context.only;
    const wanted = (kind: string) => (only ? only.some((k) => kind === k || kind.startsWith(`${k}.`)) : kind === CodeActionKind.QuickFix);
    const actions: CodeAction[] = [];
    const lazy = (action: CodeAction, data: ActionData) => {
      action.data = data;
      if (resolves() || resolveEdit(action, c)) actions.push(action);
    };
    if (wanted(CodeActionKind.QuickFix)) {
      for (const i of picked) {
        const f = c.findings[i];
        const diagnostics = [c.diagnostics[i]];
        if (f.fix) actions.push({ title: editTitle(text, f.fix), kind: CodeActionKind.QuickFix, diagnostics, isPreferred: true, edit: workspaceEdit(uri, c, [f.fix]) });
        for (const s of f.suggestions) actions.push({ title: `${editTitle(text, s)} (suggestion)`, kind: CodeActionKind.QuickFix, diagnostics, edit: workspaceEdit(uri, c, [s]) });
      }
      if (picked.length > 0 && c.findings.some((f) => f.fix)) lazy({ title: 'Fix all safe findings in this file', kind: CodeActionKind.QuickFix }, { type: 'fixAll', uri });
      if (COMMENT_FORMATS.has(c.format)) {
        const seen = new Set<string>();
        for (const i of picked) {
          const f = c.findings[i];
          const line = c.lines.lineOf(f.start);
          if (seen.has(`${f.ruleId} ${line}`)) continue;
          seen.add(`${f.ruleId} ${line}`);
          lazy({ title: `Disable ${f.ruleId} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [c.diagnostics[i]] }, { type: 'disable', uri, ruleId: f.ruleId, line });
        }
      }
    }
    if (only && wanted(FIX_ALL_KIND) && c.findings.some((f) => f.fix)) lazy({ title: 'Fix all safe findings in this file', kind: FIX_ALL_KIND }, { type: 'fixAll', uri });
    return actions;
  });

  connection.onCodeActionResolve((action) => {
    const data = action.data as ActionData | undefined;
    const c = data && current(data.uri);
    if (!c || action.edit) return action;
    if (!resolveEdit(action, c) && data!.type === 'disable') {
      warn(`mtlint: a comment at the end of this line would not turn ${data!.ruleId} off without changing the text; use <!-- mtlint-disable ${data!.ruleId} --> … <!-- mtlint-enable ${data!.ruleId} --> around it`);
    }
    return action;
  });

  documents.listen(connection);
  connection.listen();
}

const diagnosticKey = (d: Diagnostic) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

/** A diagnostic at one line (0-based) for the whole document. */
function problem(lines: LineIndex, line: number, message: string, severity: DiagnosticSeverity): Diagnostic {
  const start = lines.offset({ line, character: 0 });
  return { range: lines.range(start, lines.lineEnd(lines.lineOf(start))), severity, source: 'mtlint', message };
}

/** Why a document was not checked: refused (too large, binary), a suppression comment naming no rule (at its line), or a failure. */
function errorDiagnostic(lines: LineIndex, filename: string, e: unknown): Diagnostic {
  const message = e instanceof Error ? e.message : String(e);
  if (!(e instanceof UsageError)) return problem(lines, 0, `mtlint failed on this document: ${message}`, DiagnosticSeverity.Error);
  const at = message.startsWith(`${filename}:`) ? /^(\d+): ([\s\S]*)$/.exec(message.slice(filename.length + 1)) : null;
  if (at) return problem(lines, Number(at[1]) - 1, at[2], DiagnosticSeverity.Error);
  return problem(lines, 0, message, DiagnosticSeverity.Warning);
}
