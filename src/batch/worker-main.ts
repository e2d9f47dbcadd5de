// The pool's worker thread when the CLI runs from the compiled modules (the bundled CLI starts
// its workers through bin/mtlint.cjs instead).

import { serveWorker } from './worker.js';

serveWorker();
