// duplicate-sentence names the right earlier line in every input format (issue 19, item 5): the
// line a message cites is a line of the user's file, not of the text extracted from it (Markdown
// front matter, HTML markup and scripts, a feed's XML, earlier NDJSON records take lines the
// checked text does not have).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lint } from '../../src/index.js';
import { cli, tempDir } from '../helpers.js';

const FIRST = 'Putin had ordered the suspension of military operations in Ukraine during the first round of talks.';
const AGAIN = 'Lavrov said Putin had ordered the suspension of military operations in Ukraine during the first round of talks.';

/** The line of the source where `needle` starts. */
const lineOf = (source: string, needle: string) => source.slice(0, source.indexOf(needle)).split('\n').length;

const SOURCES: Record<string, string> = {
  'a.txt': `Talks\n\n${FIRST}\n\nThen more happened.\n\n${AGAIN}\n`,
  'a.md': `---\ntitle: Talks\nauthor: Desk\ntags: [news, talks]\n---\n\n# Talks\n\n\`\`\`\ncode that is not checked\nmore code\n\`\`\`\n\n${FIRST}\n\nThen more happened.\n\n${AGAIN}\n`,
  'a.html': `<!DOCTYPE html>\n<html>\n<head>\n<title>Talks</title>\n<script>\nvar a = 1;\nvar b = 2;\n</script>\n</head>\n<body>\n<nav>\n<a href="/">Home</a>\n</nav>\n<p>${FIRST}</p>\n<p>Then more happened.</p>\n<p>\n${AGAIN}\n</p>\n</body>\n</html>\n`,
  'a.rss': `<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>Feed</title>\n<item>\n<guid>one</guid>\n<title>Talks</title>\n<description>\n&lt;p&gt;${FIRST}&lt;/p&gt;\n&lt;p&gt;Then more happened.&lt;/p&gt;\n&lt;p&gt;${AGAIN}&lt;/p&gt;\n</description>\n</item>\n</channel>\n</rss>\n`,
  'a.ndjson': `${JSON.stringify({ id: 'x', text: 'Other news.' })}\n\n${JSON.stringify({ id: 'y', text: `Talks\n\n${FIRST}\n\nThen more happened.\n\n${AGAIN}` })}\n`,
};

test('the earlier sentence\'s line in the file: library and command line, every input format', async () => {
  const dir = tempDir('mtlint-lines-');
  for (const [name, source] of Object.entries(SOURCES)) writeFileSync(join(dir, name), source);
  for (const [name, source] of Object.entries(SOURCES)) {
    const expected = `This sentence repeats the one on line ${lineOf(source, FIRST)} almost word for word.`;
    const found = lint(source, { filename: name }).filter((f) => f.ruleId === 'repetition/duplicate-sentence');
    assert.equal(found.map((f) => f.message), [expected], name);
    // The command line, also streaming NDJSON (a record read alone still counts its file's lines).
    for (const format of ['json', 'ndjson']) {
      const out = (await cli(['--format', format, '--rule', 'repetition/duplicate-sentence', name], { cwd: dir })).stdout;
      const messages = [...out.matchAll(/"message":"([^"]*)"/g)].map((m) => m[1]);
      assert.equal(messages, [expected], `${name} ${format}`);
    }
  }
});

test.run();
