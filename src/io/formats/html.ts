// HTML input: the text of a page or fragment as parse5 (the WHATWG parsing algorithm) reads it,
// entities decoded for checking and each decoded unit mapped back to its source range, so a fix
// is written back into the markup with entities re-encoded. `script`, `style`, `pre`, `template`,
// `noscript`, `noembed` and `noframes` are skipped; inline `code`, `kbd`, `samp`, images and
// embedded objects stand as a placeholder; block elements separate paragraphs; comments may
// carry mtlint directives. With `main`, only the page's main content is read (main-content.ts).
//
//   <p>Lavrov said the Moscow&nbsp;holder &amp; <code>x</code> more</p>
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ checked: "Lavrov said the Moscow holder & ￼ more"

import { createRequire } from 'node:module';
import type { DefaultTreeAdapterTypes as T } from 'parse5';
import { parseDirective, type Directive } from '../../engine/suppress.js';
import { align, encodeHtml, MapBuilder, PLACEHOLDER, type Block, type SourceMap } from '../mapping.js';
import { mainContent } from './main-content.js';
import { trimBlocks } from './markdown.js';
import type { ParsedSource } from './types.js';

const SKIPPED = new Set(['script', 'style', 'pre', 'template', 'noscript', 'noembed', 'noframes', 'listing', 'xmp', 'plaintext', 'head']);
const INLINE_PLACEHOLDERS = new Set([
  'code', 'kbd', 'samp', 'var', 'img', 'svg', 'math', 'iframe', 'video', 'audio', 'object', 'embed', 'canvas',
  'input', 'select', 'textarea', 'button', 'picture',
]);
const BLOCKS = new Set([
  'html', 'body', 'title', 'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'option', 'p', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
/** Blocks never removed whole by a line deletion. */
const NOT_DELETABLE = new Set(['html', 'body', 'main', 'article']);

export interface HtmlText {
  /** Checked text mapped into the parsed string (not yet into a file, for HTML inside a feed). */
  map: SourceMap;
  blocks: Block[];
  directives: Directive[];
}

/** An HTML file: one article; with `main`, only the page's main content is checked (main-content.ts). */
export function parseHtml(source: string, options: { main?: boolean } = {}): ParsedSource {
  const { map, blocks, directives } = htmlText(source, false, options.main);
  return { articles: [{ map, blocks }], directives };
}

/**
 * The checked text of an HTML document (or, with `fragment`, of body content such as a feed
 * item's); with `main`, of the page's main content only (the whole page when none is found).
 */
export function htmlText(html: string, fragment: boolean, main = false): HtmlText {
  const { parse, parseFragment } = createRequire(import.meta.url)('parse5') as typeof import('parse5');
  const root = fragment ? parseFragment(html, { sourceCodeLocationInfo: true }) : parse(html, { sourceCodeLocationInfo: true });
  /** With `main`: the main content's text nodes and the elements above them; nothing else is checked. */
  const keep = main && !fragment ? mainContent(html, root as T.Document) : null;
  // NOTE: <title> lives in <head>, which is otherwise skipped; it is the page's headline.
  const b = new MapBuilder();
  const blocks: Block[] = [];
  const directives: Directive[] = [];
  /** Elements being walked, each a block a whole-line deletion may remove (when it has a source range and may be removed at all). */
  const open: { block: Block | null; hasText: boolean }[] = [];
  let lastEnd = 0;
  /** Something not checked (a script, style, image, comment) is inside the elements being walked: they are not removed whole. */
  const impure = () => {
    for (const o of open) if (o.block) o.block.pure = false;
  };

  const textAdded = (from: number) => {
    if (b.length === from) return;
    for (const o of open) {
      if (!o.block) continue;
      if (!o.hasText) o.block.cs = from;
      o.hasText = true;
      o.block.ce = b.length;
    }
  };

  /** Suppression comments in a part of the page that is not checked still count. */
  const commentsIn = (node: T.Node): void => {
    if (node.nodeName === '#comment') {
      const c = node as T.CommentNode;
      const loc = c.sourceCodeLocation;
      const d = loc && parseDirective(c.data, loc.startOffset, loc.endOffset);
      if (d) directives.push(d);
    } else if ('childNodes' in node) for (const c of (node as T.Element).childNodes) commentsIn(c);
  };

  const walk = (node: T.Node): void => {
    if (keep && !keep.has(node) && node.nodeName !== '#comment') {
      commentsIn(node);
      return;
    }
    if (node.nodeName === '#text') {
      const t = node as T.TextNode;
      const loc = t.sourceCodeLocation;
      // White space between blocks is not text (a browser shows none): paragraphs stay one blank line apart.
      if (b.atBoundary && /^\s*$/.test(t.value)) return;
      const from = b.length;
      if (loc) {
        align(b, t.value, html, loc.startOffset, loc.endOffset, { entities: 'html' });
        lastEnd = loc.endOffset;
      } else b.synthetic(t.value, lastEnd);
      textAdded(from);
      return;
    }
    if (node.nodeName === '#comment') {
      impure();
      const c = node as T.CommentNode;
      const loc = c.sourceCodeLocation;
      const d = loc && parseDirective(c.data, loc.startOffset, loc.endOffset);
      if (d) directives.push(d);
      return;
    }
    if (!('childNodes' in node)) return;
    const el = node as T.Element;
    const name = el.tagName ?? '';
    const loc = el.sourceCodeLocation;
    if (name === 'head') {
      for (const c of el.childNodes) if ((c as T.Element).tagName === 'title') walk(c);
      return;
    }
    if (SKIPPED.has(name)) {
      impure();
      if (loc) b.separate(loc.startOffset);
      return;
    }
    if (INLINE_PLACEHOLDERS.has(name)) {
      impure();
      const from = b.length;
      b.synthetic(PLACEHOLDER, loc ? loc.startOffset : 0);
      textAdded(from);
      return;
    }
    if (name === 'br') {
      b.synthetic('\n', loc ? loc.startOffset : 0);
      return;
    }
    const isBlock = BLOCKS.has(name);
    if (isBlock && loc) b.separate(loc.startOffset);
    // Inline elements too: a residue line's own <span> is the element to remove when its block holds more.
    const entry = { block: loc && name !== '' && !NOT_DELETABLE.has(name) ? { cs: -1, ce: -1, ss: loc.startOffset, se: loc.endOffset, pure: true } : null, hasText: false };
    open.push(entry);
    const children = name === 'template' ? (el as T.Template).content.childNodes : el.childNodes;
    for (const c of children) walk(c);
    open.pop();
    if (entry.block && entry.hasText) blocks.push(entry.block);
    if (isBlock && loc) b.separate(loc.endOffset);
  };
  walk(root);
  const map = b.build(0, encodeHtml);
  trimBlocks(map.text, blocks);
  return { map, blocks, directives };
}
