// `mtlint lsp [--stdio]`: the language server over standard input and output. It runs until the
// editor sends `exit`, closes the pipe, or (given its process id) goes away.

import { format } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

const LSP_USAGE = `mtlint lsp [--stdio]

Starts the language server on standard input and output (the Language Server Protocol): editors
show findings as diagnostics with quick fixes. Settings come as initialization options or the
editor's "mtlint" settings (see the README).`;

export function runLsp(argv: string[], version: string): Promise<number> {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${LSP_USAGE}\n`);
      return Promise.resolve(0);
    }
    // Editors' clients add these: the server speaks over stdio either way, and vscode-languageserver reads the process id itself.
    if (arg === '--stdio' || arg.startsWith('--clientProcessId=')) continue;
    if (arg === '--clientProcessId') {
      i++;
      continue;
    }
    process.stderr.write(`mtlint: lsp: unknown argument ${arg} (usage: mtlint lsp [--stdio])\n`);
    return Promise.resolve(2);
  }
  // Standard output carries the protocol: anything else printed goes to standard error.
  const toStderr = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
  console.log = console.info = console.debug = console.warn = toStderr;
  // A failed send (the client gone mid-reply) is logged, never the end of the server.
  process.on('unhandledRejection', (e) => toStderr('mtlint lsp:', e));
  startServer(createConnection(ProposedFeatures.all, process.stdin, process.stdout), version);
  // The connection ends the process (exit notification, closed input, the client gone).
  return new Promise<number>(() => {});
}
