// Edits never damage the document (issue 19, items 1–3): after deleting a residue line or
// element, the document's blocks are the blocks before less the deleted one — checked by parsing
// before and after (mdast for Markdown, paragraphs and their lines for plain text, the DOM for
// HTML); an HTML residue fix removes the residue's own element, never one holding other content;
// text that is not prose (noembed, noframes, template placeholders, markup left in text) is not
// checked.

import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';
import { parse, serialize, type DefaultTreeAdapterTypes as T } from 'parse5';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fix, lint } from '../../src/index.js';

const RESIDUE = 'Share on Facebook Twitter WhatsApp';

/** The text of a node and its descendants. */
function toString(n: Nodes): string {
  if ('value' in n && typeof n.value === 'string') return n.value;
  return 'children' in n ? (n.children as Nodes[]).map(toString).join('') : '';
}

/** Block nodes in document order: depth, type and text (positions left out). */
function mdBlocks(md: string): string[] {
  const out: string[] = [];
  const walk = (n: Nodes, depth: number) => {
    if (n.type === 'text' || n.type === 'inlineCode' || !('children' in n) || ['emphasis', 'strong', 'link'].includes(n.type)) return;
    const extra = n.type === 'list' ? ` spread=${n.spread}` : '';
    if (n.type !== 'root') out.push(`${' '.repeat(depth)}${n.type}${extra}: ${toString(n)}`);
    for (const c of n.children) walk(c as Nodes, depth + 1);
  };
  walk(fromMarkdown(md), 0);
  return out;
}

/** Paragraphs (runs of non-blank lines), each as its lines. */
function paragraphs(text: string): string[][] {
  return text.split(/\n[ \t]*\n\s*/).map((p) => p.trim()).filter(Boolean).map((p) => p.split('\n'));
}

/** Elements and non-blank text in document order, with depth (the DOM as parse5 reads it). */
function dom(html: string): string[] {
  const out: string[] = [];
  const walk = (n: T.Node, depth: number) => {
    if (n.nodeName === '#text') {
      const t = (n as T.TextNode).value.trim();
      if (t) out.push(`${' '.repeat(depth)}"${t}"`);
      return;
    }
    if ('tagName' in n) out.push(`${' '.repeat(depth)}<${n.tagName}>`);
    const kids = 'childNodes' in n ? (n as T.Element).childNodes : [];
    for (const c of kids) walk(c, depth + 1);
  };
  walk(parse(html), 0);
  return out;
}

const fixed = (text: string, filename: string) => fix(text, { filename }).output;

test('Markdown: the residue item at the end of a list goes; the blank line and the paragraph after stay out of the list', () => {
  const md = `# Talks\n\nKyiv talks resume.\n\n- First point here.\n- ${RESIDUE}\n\nThe minister spoke on Tuesday.\n`;
  const after = fixed(md, 'a.md');
  const before = mdBlocks(md);
  const expected = before.filter((b) => !b.includes(RESIDUE) || b.includes('list spread'));
  assert.equal(mdBlocks(after), expected.map((b) => b.replace(/(list spread=false: First point here\.).*/, '$1')));
  assert.is(after, '# Talks\n\nKyiv talks resume.\n\n- First point here.\n\nThe minister spoke on Tuesday.\n');
});

test('Markdown: a residue paragraph, a first list item, an item of a loose list: each removed, the other blocks as they were', () => {
  const cases = [
    `Kyiv talks resume.\n\n${RESIDUE}\n\nThe minister spoke on Tuesday.\n`,
    `Kyiv talks resume.\n\n- ${RESIDUE}\n- Second point here.\n\nThe minister spoke.\n`,
    `Kyiv talks resume.\n\n- First point here.\n\n- ${RESIDUE}\n\n- Third point here.\n\nThe minister spoke.\n`,
    `> Kyiv talks resume.\n>\n> ${RESIDUE}\n\nThe minister spoke.\n`,
  ];
  for (const md of cases) {
    const after = fixed(md, 'a.md');
    assert.is.not(after, md);
    const without = (blocks: string[]) => blocks.map((b) => b.replace(RESIDUE, '')).filter((b) => !/^ *(?:listItem|paragraph):\s*$/.test(b));
    assert.equal(mdBlocks(after), without(mdBlocks(md)), md);
  }
});

test('plain text: a residue line inside a paragraph goes alone; the paragraphs stay apart', () => {
  const cases: [string, string][] = [
    [`Kyiv talks resume next week.\n${RESIDUE}\n\nThe minister spoke on Tuesday.`, `Kyiv talks resume next week.\n\nThe minister spoke on Tuesday.`],
    [`Kyiv talks resume next week.\n\n${RESIDUE}\nThe minister spoke on Tuesday.\n`, `Kyiv talks resume next week.\n\nThe minister spoke on Tuesday.\n`],
    [`Kyiv talks resume next week.\n\n${RESIDUE}\n\nThe minister spoke on Tuesday.\n`, `Kyiv talks resume next week.\n\nThe minister spoke on Tuesday.\n`],
    [`Kyiv talks resume next week.\nThe minister spoke.\n${RESIDUE}\n`, `Kyiv talks resume next week.\nThe minister spoke.\n`],
    [`Kyiv talks resume next week.\r\n${RESIDUE}\r\n\r\nThe minister spoke on Tuesday.\r\n`, `Kyiv talks resume next week.\r\n\r\nThe minister spoke on Tuesday.\r\n`],
  ];
  for (const [text, expected] of cases) {
    const after = fixed(text, 'a.txt');
    assert.is(after, expected);
    const before = paragraphs(text.replace(/\r/g, '')).map((p) => p.filter((l) => l !== RESIDUE)).filter((p) => p.length > 0);
    assert.equal(paragraphs(after.replace(/\r/g, '')), before);
  }
});

test('HTML: a residue list item goes alone; the DOM after is the DOM before less that element', () => {
  const html = `<html><body>\n<p>Kyiv talks resume next week.</p>\n<ul>\n<li>First point here.</li>\n<li>${RESIDUE}</li>\n</ul>\n<p>The minister spoke on Tuesday.</p>\n</body></html>\n`;
  const after = fixed(html, 'a.html');
  const before = dom(html);
  const i = before.findIndex((x) => x.includes(RESIDUE));
  assert.equal(dom(after), [...before.slice(0, i - 1), ...before.slice(i + 1)]);
});

test('HTML: the residue\'s own element is deleted, never an element holding a style, script, image or other text', () => {
  const html = `<html><body>\n<p>Kyiv talks resume next week.</p>\n<div class="tools"><span>Comments</span>\n<style>.x{color:red}</style><script>var a = 1;</script></div>\n<p>The minister spoke on Tuesday.</p>\n</body></html>\n`;
  const after = fixed(html, 'a.html');
  assert.ok(after.includes('<div class="tools">\n<style>.x{color:red}</style><script>var a = 1;</script></div>'), after);
  const before = dom(html);
  assert.equal(dom(after), before.filter((x) => !x.includes('<span>') && !x.includes('"Comments"')));
  // A residue block holding only its text (and white space) is removed whole, on its lines.
  const whole = `<p>Kyiv talks resume next week.</p>\n<div class="share">\n  <span>${RESIDUE}</span>\n</div>\n<p>The minister spoke.</p>\n`;
  assert.is(fixed(whole, 'b.html'), '<p>Kyiv talks resume next week.</p>\n<p>The minister spoke.</p>\n');
  // An image in the same block: only the text's element goes.
  const img = `<p>Kyiv talks resume next week.</p>\n<div class="share"><figure><img src="f.png"></figure><a href="#">${RESIDUE}</a></div>\n<p>The minister spoke.</p>\n`;
  assert.ok(fixed(img, 'c.html').includes('<div class="share"><figure><img src="f.png"></figure></div>'), fixed(img, 'c.html'));
});

test('not prose, not checked: noembed, noframes, template placeholders and markup left in text', () => {
  const page = `<html><body>\n<p>Kyiv talks resume next week.</p>\n<noembed><span class="pin"><img style="#{img_style}" src="#{img_src}"/></span><cite>'#{desc}'</cite></noembed>\n<noframes><p>Leave a Reply "</p></noframes>\n<p>Ad: #{media}, {{ user.name }}, \${total} and <%= title %> here.</p>\n</body></html>\n`;
  assert.equal(lint(page, { filename: 'p.html' }), []);
  const text = 'The element <span class="pin_img"> holds <img style="#{img_style}" src="#{img_src}"/> here.\n\nHello {{user_name}}, ${total} and {% block content %} and <%= article.title %>.\n';
  assert.equal(lint(text, { filename: 'a.txt' }), []);
  assert.equal(lint(text, { filename: 'a.md' }), []);
  // Still checked around them.
  assert.equal(lint('Hello {{user}}, the the talks "went on.\n', { filename: 'b.txt' }).map((f) => f.ruleId), ['repetition/repeated-word', 'quotes/unbalanced-quote']);
});

test.run();
