#!/usr/bin/env node
// Entry point: runs the compiled CLI and exits with its code once output has drained.
import { main } from '../dist/cli/main.js';

const code = await main(process.argv.slice(2));
process.exitCode = code;
