#!/bin/sh
# `npm run pack:check`: packs mtlint with `npm pack`, installs the tarball into an empty folder
# (dependencies from the registry), and runs the installed `mtlint` command, its language server
# (`mtlint lsp`) and the library API there. Prints the tarball's size and the time each step took; exit 0 when everything worked.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/mtlint-pack-XXXXXX")
trap 'rm -rf "$work"' EXIT
now() { date +%s; }

cd "$root"
t0=$(now)
tarball=$(npm pack --silent --pack-destination "$work" 2>/dev/null | tail -n 1)
t1=$(now)
echo "packed $tarball: $(wc -c < "$work/$tarball") bytes, $(tar tzf "$work/$tarball" | wc -l) files ($((t1 - t0)) s)"

mkdir "$work/app"
cd "$work/app"
npm init -y > /dev/null 2>&1
npm install --no-audit --no-fund --loglevel=error "$work/$tarball" > /dev/null
t2=$(now)
echo "installed into an empty folder ($((t2 - t1)) s): $(ls node_modules | wc -l) packages"

printf 'Lavrov said the Moscow holder had changed.\n\n# not a heading in plain text\n' > article.txt
printf -- '---\ntitle: x\n---\n\nSpeaking to Russian country television, he said `the Moscow holder`.\n' > article.md
set +e
npx --no-install mtlint article.txt article.md > report.txt
code=$?
set -e
cat report.txt
[ "$code" = 1 ] || { echo "pack check FAILED: mtlint exited $code, expected 1" >&2; exit 1; }
grep -q 'article.txt:1:13' report.txt && grep -q 'article.md:5:21' report.txt || { echo "pack check FAILED: unexpected report" >&2; exit 1; }
npx --no-install mtlint --fix --stdout article.txt | grep -q "Moscow's position" || { echo "pack check FAILED: --fix --stdout" >&2; exit 1; }
# The feed audit needs its MT-likelihood model (data/) and Chart.js from the installed package.
set +e
npx --no-install mtlint audit --format html -o report.html article.txt
code=$?
set -e
[ "$code" -le 1 ] && grep -q 'Chart' report.html || { echo "pack check FAILED: mtlint audit --format html (exit $code)" >&2; exit 1; }
echo "mtlint audit: report.html written ($(wc -c < report.html) bytes)"
node --input-type=module -e "
import { lint, fix, loadRules } from 'mtlint';
const found = lint('Lavrov said the Moscow holder had changed.');
if (found[0]?.ruleId !== 'calques/position-holder') throw new Error('lint: ' + JSON.stringify(found));
if (fix('The the talks.').output !== 'The talks.') throw new Error('fix');
if (!(loadRules().length > 10)) throw new Error('loadRules');
console.log('library API: lint, fix, loadRules work from the installed package');
"
# The language server from the installed package: initialize, open a Markdown document, its
# diagnostic at the source position, shutdown and exit (code 0).
node --input-type=module -e "
import { spawn } from 'node:child_process';
const server = spawn('node_modules/.bin/mtlint', ['lsp', '--stdio']);
const send = (m) => { const b = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m })); server.stdin.write('Content-Length: ' + b.length + '\\r\\n\\r\\n'); server.stdin.write(b); };
let buffer = Buffer.alloc(0);
let seen = '';
server.stdout.on('data', (d) => {
  buffer = Buffer.concat([buffer, d]);
  for (let h; (h = buffer.indexOf('\\r\\n\\r\\n')) >= 0; ) {
    const n = Number(/Content-Length: (\\d+)/i.exec(buffer.subarray(0, h).toString())[1]);
    if (buffer.length < h + 4 + n) break;
    const m = JSON.parse(buffer.subarray(h + 4, h + 4 + n).toString());
    buffer = buffer.subarray(h + 4 + n);
    if (m.id === 1) {
      send({ method: 'initialized', params: {} });
      send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file://' + process.cwd() + '/article.md', languageId: 'markdown', version: 1, text: '# Talks\\n\\nSpeaking to Russian country television, he said \\x60the Moscow holder\\x60.\\n' } } });
    } else if (m.method === 'textDocument/publishDiagnostics') {
      seen = m.params.diagnostics.map((d) => d.code + '@' + d.range.start.line + ':' + d.range.start.character).join(' ');
      send({ id: 2, method: 'shutdown' });
    } else if (m.id === 2) send({ method: 'exit' });
  }
});
const timer = setTimeout(() => { console.error('pack check FAILED: mtlint lsp timed out'); server.kill(); process.exit(1); }, 30000);
server.on('exit', (code) => {
  clearTimeout(timer);
  if (code !== 0 || seen !== 'calques/state-media@2:20') { console.error('pack check FAILED: mtlint lsp exited ' + code + ' after ' + JSON.stringify(seen)); process.exit(1); }
  console.log('language server: mtlint lsp from the installed package publishes ' + seen + ' and exits 0');
});
send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
"
test -f node_modules/mtlint/dist/index.d.ts || { echo "pack check FAILED: no type declarations" >&2; exit 1; }
# The types, as a TypeScript program using the package sees them (the repository's own tsc).
cat > check.ts <<'TS'
import { fix, lint, loadRules, type LintFinding, type LintOptions, type Rule } from 'mtlint';
const rules: Rule[] = loadRules();
const options: LintOptions = { rules, format: 'markdown' };
const found: LintFinding[] = lint('# Title', options);
const output: string = fix('The the.', { level: 'suggest' }).output;
export const summary: string = `${found.length} ${output}`;
// @ts-expect-error: `format` takes the known input formats only
lint('x', { format: 'docx' });
TS
printf '{"compilerOptions":{"module":"nodenext","moduleResolution":"nodenext","target":"es2022","strict":true,"noEmit":true,"skipLibCheck":true,"types":[]},"files":["check.ts"]}\n' > tsconfig.json
"$root/node_modules/.bin/tsc" -p tsconfig.json || { echo "pack check FAILED: the types do not check" >&2; exit 1; }
echo "types: a TypeScript program using lint, fix, loadRules and the option types checks"

echo "pack check: OK"
