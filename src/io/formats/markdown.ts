// Markdown input: the prose of a CommonMark/GFM file (mdast-util-from-markdown, with front
// matter and GFM tables, autolinks and strike-through), mapped unit by unit back to the .md
// source. Code blocks, inline code, front matter, link targets, bare URLs, images and HTML are
// not checked; HTML comments may carry mtlint directives.
//
//   Lavrov said [the Moscow holder](https://x.example/a) had `changed`.
//               ^^^^^^^^^^^^^^^^^^  checked: "Lavrov said the Moscow holder had ￼."

import type { Nodes, Parents } from 'mdast';
import { createRequire } from 'node:module';
import { findDirectives, type Directive } from '../../engine/suppress.js';
import { align, encodeMarkdown, MapBuilder, PLACEHOLDER, type Block } from '../mapping.js';
import type { ParsedSource } from './types.js';

/** Blocks whose children are inline content. */
const LEAF_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** Blocks that only contain other blocks. */
const CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'footnoteDefinition']);
/** Inline nodes that read as a word in the sentence but are not prose. */
const PLACEHOLDERS = new Set(['inlineCode', 'image', 'imageReference', 'inlineMath']);

export function parseMarkdown(source: string): ParsedSource {
  const require = createRequire(import.meta.url);
  const { fromMarkdown } = require('mdast-util-from-markdown') as typeof import('mdast-util-from-markdown');
  const { frontmatterFromMarkdown } = require('mdast-util-frontmatter') as typeof import('mdast-util-frontmatter');
  const { gfmFromMarkdown } = require('mdast-util-gfm') as typeof import('mdast-util-gfm');
  const { frontmatter } = require('micromark-extension-frontmatter') as typeof import('micromark-extension-frontmatter');
  const { gfm } = require('micromark-extension-gfm') as typeof import('micromark-extension-gfm');
  const tree = fromMarkdown(source, {
    extensions: [frontmatter(['yaml', 'toml']), gfm()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmFromMarkdown()],
  });
  const b = new MapBuilder();
  const blocks: Block[] = [];
  const directives: Directive[] = [];
  /** Blocks being walked, to be given the checked range of their text. */
  const open: { block: Block; hasText: boolean }[] = [];
  /** Something not checked (code, HTML, an image, a definition) is inside the blocks being walked: they are not removed whole. */
  const impure = () => {
    for (const o of open) o.block.pure = false;
  };

  const range = (n: Nodes): [number, number] | null => {
    const s = n.position?.start.offset;
    const e = n.position?.end.offset;
    return s === undefined || e === undefined ? null : [s, e];
  };

  const inline = (n: Nodes): void => {
    const r = range(n);
    if (n.type === 'text') {
      if (r) align(b, n.value, source, r[0], r[1], { backslash: true, entities: 'markdown' });
      else b.synthetic(n.value, b.length);
    } else if (n.type === 'html') {
      impure();
      if (r) directives.push(...findDirectives(source, r[0], r[1]));
    } else if (n.type === 'break') {
      b.synthetic('\n', r ? r[0] : 0);
    } else if (PLACEHOLDERS.has(n.type)) {
      impure();
      b.synthetic(PLACEHOLDER, r ? r[0] : 0);
    } else if (n.type === 'link' && isBareUrl(n)) {
      impure();
      b.synthetic(PLACEHOLDER, r ? r[0] : 0);
    } else if ('children' in n) {
      for (const c of (n as Parents).children) inline(c);
    }
  };

  const walk = (n: Nodes): void => {
    const r = range(n);
    if (n.type === 'html') {
      impure();
      if (r) directives.push(...findDirectives(source, r[0], r[1]));
      return;
    }
    const isLeaf = LEAF_BLOCKS.has(n.type);
    if (!isLeaf && !CONTAINERS.has(n.type)) {
      impure(); // code, front matter, definitions, thematic breaks, math
      return;
    }
    const entry = r && n.type !== 'root' ? { block: { cs: -1, ce: -1, ss: r[0], se: r[1], pure: true }, hasText: false } : undefined;
    if (entry) open.push(entry);
    if (isLeaf) {
      b.separate(r ? r[0] : b.length);
      const cs = b.length;
      for (const c of (n as Parents).children) inline(c);
      if (b.length > cs) {
        for (const o of open) {
          if (!o.hasText) o.block.cs = cs;
          o.hasText = true;
          o.block.ce = b.length;
        }
      }
    } else {
      for (const c of (n as Parents).children) walk(c);
    }
    if (entry) {
      open.pop();
      if (entry.hasText) blocks.push(entry.block);
    }
  };
  walk(tree);
  const map = b.build(0, encodeMarkdown);
  trimBlocks(map.text, blocks);
  return { articles: [{ map, blocks }], directives };
}

/** An autolink or a GFM bare URL: the link text is the address itself. */
function isBareUrl(n: Nodes & { type: 'link' }): boolean {
  if (n.children.length !== 1 || n.children[0].type !== 'text') return false;
  const t = n.children[0].value;
  return n.url === t || n.url === `mailto:${t}` || n.url === `http://${t}` || n.url === `https://${t}`;
}

/** Block text ranges without surrounding white space, so they compare with trimmed edit ranges. */
export function trimBlocks(text: string, blocks: Block[]): void {
  for (const bl of blocks) {
    while (bl.cs < bl.ce && /\s/.test(text[bl.cs])) bl.cs++;
    while (bl.ce > bl.cs && /\s/.test(text[bl.ce - 1])) bl.ce--;
  }
}
