// Build step (`npm run build`): precompiles the built-in rules/ folder — every rule file's parsed
// spec and every shared list — into dist/rules.json, so that start-up reads one JSON file instead
// of importing the YAML parser and parsing every rule. `loadRules` uses it only while the hash of
// the YAML files it records still matches rules/ (see load.ts). Also indexes the English word
// list (dist/english.json) so that a look-up reads one block of it, and lists the German nouns' forms
// (dist/german-nouns.txt) so that a German source's check reads a small file.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BUILTIN_RULES_DIR, COMPILED_RULES, compileRulesDir, ENGLISH_INDEX, indexEnglish } from './load.js';
import { GERMAN_NOUNS_INDEX, germanNounForms } from '../source/lexicon-de.js';

// Everything from the YAML, nothing from a previous build (its lists, safe patterns or derived facts).
process.env.MTLINT_NO_PRECOMPILED = '1';
const compiled = compileRulesDir(BUILTIN_RULES_DIR);
writeFileSync(COMPILED_RULES, JSON.stringify(compiled));
process.stdout.write(`mtlint: precompiled ${compiled.specs.length} rules and ${Object.keys(compiled.lists).length} lists into dist/rules.json\n`);

writeFileSync(ENGLISH_INDEX, JSON.stringify(indexEnglish(readFileSync(createRequire(import.meta.url).resolve('an-array-of-english-words'), 'latin1'))));

// The German nouns' forms, one a line (lexicon-de.ts), read from the installed dictionary package.
writeFileSync(GERMAN_NOUNS_INDEX, germanNounForms().join('\n'));
