// Build step (`npm run build`): precompiles the built-in rules/ folder — every rule file's parsed
// spec and every shared list — into dist/rules.json, so that start-up reads one JSON file instead
// of importing the YAML parser and parsing every rule. `loadRules` uses it only while the hash of
// the YAML files it records still matches rules/ (see load.ts).

import { writeFileSync } from 'node:fs';
import { BUILTIN_RULES_DIR, COMPILED_RULES, compileRulesDir } from './load.js';

const compiled = compileRulesDir(BUILTIN_RULES_DIR);
writeFileSync(COMPILED_RULES, JSON.stringify(compiled));
process.stdout.write(`mtlint: precompiled ${compiled.specs.length} rules and ${Object.keys(compiled.lists).length} lists into dist/rules.json\n`);
