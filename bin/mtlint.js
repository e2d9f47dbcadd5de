#!/usr/bin/env node
// Entry point: runs the compiled CLI and exits with its code once output has drained.
import { main } from '../dist/cli/main.js';

// A reader that stops early (`mtlint … | head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const code = await main(process.argv.slice(2));
process.exitCode = code;
