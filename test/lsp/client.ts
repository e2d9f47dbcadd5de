// A language client for the tests, built on vscode-languageserver-protocol: starts `mtlint lsp
// --stdio` (bin/mtlint.cjs, the bundled CLI, as editors start it) as a child process, keeps the
// documents it opened, collects what the server publishes and answers what it asks.

import { spawn, type ChildProcess } from 'node:child_process';
import type { Edit } from '../../src/types.js';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type RegistrationParams,
  type ShowMessageParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BIN, ROOT } from '../helpers.js';

/** What VS Code's client says it can do, in the parts the server looks at. */
export const RICH_CLIENT: ClientCapabilities = {
  workspace: { workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: { codeAction: { resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } },
};

export interface StartOptions {
  /** The workspace folder (default: the repository). */
  root?: string;
  initializationOptions?: unknown;
  capabilities?: ClientCapabilities;
  env?: NodeJS.ProcessEnv;
  /** How to start the server (default: bin/mtlint.cjs lsp --stdio, the bundled CLI). */
  command?: string[];
  /** The client's process id, for the server to watch (default: this process). */
  processId?: number;
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly registrations: string[] = [];
  readonly docs = new Map<string, TextDocument>();
  stderr = '';
  #waiters: (() => void)[] = [];
  #exit: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    public initialized?: InitializeResult,
  ) {
    this.#exit = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      this.#notify();
    });
    connection.onNotification(ShowMessageNotification.type, (p) => {
      this.messages.push(p);
      this.#notify();
    });
    connection.onRequest('client/registerCapability', (p: RegistrationParams) => {
      this.registrations.push(...p.registrations.map((r) => r.method));
      return null;
    });
    connection.onRequest('workspace/configuration', () => []);
  }

  static async start(o: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, o.command ?? [BIN, 'lsp', '--stdio'], { cwd: o.root ?? ROOT, env: o.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection);
    child.stderr!.on('data', (d) => (client.stderr += String(d)));
    connection.listen();
    const root = o.root ?? ROOT;
    client.initialized = await connection.sendRequest(InitializeRequest.type, {
      processId: o.processId ?? process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'test' }],
      capabilities: o.capabilities ?? RICH_CLIENT,
      initializationOptions: o.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  #notify(): void {
    for (const w of this.#waiters.splice(0)) w();
  }

  /** Resolves when `test` holds for what has arrived, or rejects after `ms`. */
  async until<T>(test: () => T | undefined, what: string, ms = 30_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = test();
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  /** The diagnostics published for `uri` after the `after`-th publication, for `version` if given. */
  async diagnostics(uri: string, o: { version?: number; after?: number } = {}): Promise<Diagnostic[]> {
    return this.until(() => this.published.slice(o.after ?? 0).filter((p) => p.uri === uri && (o.version === undefined || p.version === o.version)).pop()?.diagnostics, `diagnostics of ${uri}${o.version ? ` v${o.version}` : ''}`);
  }

  async open(uri: string, text: string, languageId = 'plaintext'): Promise<Diagnostic[]> {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return this.diagnostics(uri, { version: 1 });
  }

  /** Applies edits to the document as an editor does and sends them (incrementally); returns the new version. */
  async edit(uri: string, edits: TextEdit[]): Promise<number> {
    const doc = this.docs.get(uri)!;
    const text = TextDocument.applyEdits(doc, edits);
    const next = TextDocument.create(uri, doc.languageId, doc.version + 1, text);
    this.docs.set(uri, next);
    // Content changes apply one after another: send them last first, so that earlier ranges stay valid.
    const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: next.version },
      contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })),
    });
    return next.version;
  }

  /** Applies a code action's workspace edit to the document it names; returns the new version. */
  async apply(edit: WorkspaceEdit): Promise<{ uri: string; version: number }> {
    const [uri, edits] = editsOf(edit);
    return { uri, version: await this.edit(uri, edits) };
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<CodeAction[]> {
    const r = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
    return (r ?? []) as CodeAction[];
  }

  async resolve(action: CodeAction): Promise<CodeAction> {
    return action.edit ? action : this.connection.sendRequest(CodeActionResolveRequest.type, action);
  }

  async filesChanged(paths: string[]): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: paths.map((p) => ({ uri: pathToFileURL(p).href, type: FileChangeType.Changed })) });
  }

  /** shutdown, then exit: the server's exit code. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited();
    this.connection.dispose();
    return code;
  }

  exited(): Promise<number | null> {
    return this.#exit;
  }

  kill(): void {
    this.child.kill();
  }
}

/** The one document and its edits in a workspace edit (either shape). */
export function editsOf(edit: WorkspaceEdit): [string, TextEdit[]] {
  if (edit.documentChanges) {
    const [change] = edit.documentChanges as { textDocument: { uri: string }; edits: TextEdit[] }[];
    return [change.textDocument.uri, change.edits];
  }
  const [[uri, edits]] = Object.entries(edit.changes!);
  return [uri, edits];
}

/** A finding as `mtlint --format json` prints it: what the tests compare the server's diagnostics with. */
export interface CliFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix: Edit | null;
  suggestions: Edit[];
}
