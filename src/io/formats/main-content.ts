// The article inside a whole web page (`--html-main`): which of the page's text nodes belong to
// its main content, so that the site's navigation, footer, language picker and ads are not
// checked. Mozilla's Readability (the reader view of Firefox) finds the article on a DOM built by
// linkedom; its text is then matched, in order, to the text nodes of the page as parse5 read it
// (the tree the HTML adapter maps to the source), so positions and fixes stay exact. When
// Readability finds nothing, or the page is too short for it to judge, the page's <main>, else
// its only <article>, is taken; else nothing (the whole page is checked).
//
//   <nav>Home · Sport · Leave a Reply</nav> <article><p>the Moscow holder</p></article> <footer>…
//                                                      ^^^^^^^^^^^^^^^^^ the only text checked

import { createRequire } from 'node:module';
import type { DefaultTreeAdapterTypes as T } from 'parse5';

/** A DOM node as linkedom makes it: only what is read here. */
interface DomNode {
  nodeType: number;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

/**
 * The page's main content: its text nodes (of `root`, the page as parse5 read `html`) and every
 * element above them; null when no main content is found.
 */
export function mainContent(html: string, root: T.Document): Set<T.Node> | null {
  const texts = readabilityTexts(html, () => landmarkTexts(root) !== null);
  const keep = texts ? matchTexts(root, texts) : landmarkTexts(root);
  return keep && keep.size > 0 ? withAncestors(keep) : null;
}

/**
 * The text of the article Readability extracts, node by node in order; null when it finds none,
 * or when the page is too short for it to judge (its isProbablyReaderable) and has landmarks.
 */
function readabilityTexts(html: string, hasLandmarks: () => boolean): string[] | null {
  const require = createRequire(import.meta.url);
  const { parseHTML } = require('linkedom') as { parseHTML: (html: string) => { document: unknown } };
  const { Readability, isProbablyReaderable } = require('@mozilla/readability') as typeof import('@mozilla/readability');
  const { document } = parseHTML(html);
  // NOTE: on a short page Readability still returns its best guess, often the whole page.
  if (!isProbablyReaderable(document as Document) && hasLandmarks()) return null;
  let article: { content: unknown } | null;
  try {
    article = new Readability(document as Document, { serializer: (el: Node) => el }).parse();
  } catch {
    return null; // a page Readability cannot read: the landmarks decide
  }
  if (!article || !article.content) return null;
  const out: string[] = [];
  const walk = (n: DomNode) => {
    if (n.nodeType === 3) {
      if (n.nodeValue && n.nodeValue.trim() !== '') out.push(n.nodeValue);
      return;
    }
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]);
  };
  walk(article.content as DomNode);
  return out.length > 0 ? out : null;
}

/** The page's text nodes in document order. */
function textNodes(root: T.Node, out: T.TextNode[] = []): T.TextNode[] {
  if (root.nodeName === '#text') out.push(root as T.TextNode);
  else if ('childNodes' in root) for (const c of (root as T.Element).childNodes) textNodes(c, out);
  return out;
}

/**
 * The page's text nodes that carry `texts`, matched in order (each text to the next node after
 * the last match with exactly its value; a text with no such node is passed over).
 */
function matchTexts(root: T.Document, texts: string[]): Set<T.Node> {
  const nodes = textNodes(root);
  const at = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    const list = at.get(n.value);
    if (list) list.push(i);
    else at.set(n.value, [i]);
  });
  const keep = new Set<T.Node>();
  let next = 0;
  for (const t of texts) {
    const list = at.get(t);
    if (!list) continue;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid] < next) lo = mid + 1;
      else hi = mid;
    }
    if (lo === list.length) continue;
    keep.add(nodes[list[lo]]);
    next = list[lo] + 1;
  }
  return keep;
}

/** The text nodes of the page's <main>, else of its only <article>; null when it has neither. */
function landmarkTexts(root: T.Document): Set<T.Node> | null {
  const found: Record<string, T.Element[]> = { main: [], article: [] };
  const walk = (n: T.Node) => {
    const tag = (n as T.Element).tagName;
    if (tag === 'main' || tag === 'article') found[tag].push(n as T.Element);
    if ('childNodes' in n) for (const c of (n as T.Element).childNodes) walk(c);
  };
  walk(root);
  const el = found.main[0] ?? (found.article.length === 1 ? found.article[0] : undefined);
  return el ? new Set(textNodes(el)) : null;
}

/** The nodes and every node above them. */
function withAncestors(nodes: Set<T.Node>): Set<T.Node> {
  const out = new Set<T.Node>(nodes);
  for (const n of nodes) {
    for (let p = (n as T.ChildNode).parentNode as T.Node | null; p && !out.has(p); p = (p as T.ChildNode).parentNode as T.Node | null) out.add(p);
  }
  return out;
}
