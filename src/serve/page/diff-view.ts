// The changes accepted so far as a word-level diff (jsdiff's diffWords, the library the CLI's diff
// format uses) of the text as opened against the text now: removed words struck through, added
// words underlined, long unchanged stretches cut to a few words either side.

import { diffWords } from 'diff';

const KEEP = 60;

/** Renders the diff into `el`; returns how many places changed. */
export function renderDiff(el: HTMLElement, before: string, after: string): number {
  if (before === after) {
    const p = document.createElement('p');
    p.className = 'muted';
    p.textContent = 'No changes yet. Accepted fixes appear here.';
    el.replaceChildren(p);
    return 0;
  }
  const parts = diffWords(before, after);
  const frag = document.createDocumentFragment();
  let places = 0;
  let removed = '';
  let added = '';
  const flush = () => {
    if (!removed && !added) return;
    places++;
    for (const [tag, text] of [['del', removed], ['ins', added]] as const) {
      if (!text) continue;
      const el = document.createElement(tag);
      el.textContent = text;
      frag.append(el);
    }
    removed = added = '';
  };
  parts.forEach((part, i) => {
    if (part.removed) removed += part.value;
    else if (part.added) added += part.value;
    // A word or two between two changes joins them: "the Moscow holder" → "Moscow's position", not three pieces.
    else if ((removed || added) && i < parts.length - 1 && /^\s*\S+(\s+\S+)?\s*$/.test(part.value) && !/[\r\n]/.test(part.value) && part.value.length <= 16) {
      removed += part.value;
      added += part.value;
    } else {
      flush();
      unchanged(frag, part.value, i === 0, i === parts.length - 1);
    }
  });
  flush();
  el.replaceChildren(frag);
  return places;
}

/** Unchanged text: kept whole when short; else the words on the lines next to the changes, `…` for what is left out. */
function unchanged(frag: DocumentFragment, s: string, first: boolean, last: boolean): void {
  const head = first ? '' : lineCut(s, 1);
  const tail = last ? '' : lineCut(s, -1);
  if (head.length + tail.length + 20 >= s.length) {
    frag.append(s);
    return;
  }
  // A change at the end of its line has no words after it on that line (and the next none before it).
  if (!first && head.trim()) frag.append(`${head} …`);
  if (!first && !last) {
    const gap = document.createElement('span');
    gap.className = 'gap';
    gap.textContent = '⋯';
    frag.append(gap);
  }
  if (!last && tail.trim()) frag.append(`… ${tail}`);
}

/** The line next to a change (after it: the first line; before it: the last), cut at a word to about KEEP characters. */
function lineCut(s: string, dir: 1 | -1): string {
  const lines = s.split(/\r\n|\r|\n/);
  const line = dir === 1 ? lines[0] : lines[lines.length - 1];
  if (line.length <= KEEP) return line;
  return dir === 1 ? line.slice(0, KEEP).replace(/\s+\S*$/, '') : line.slice(-KEEP).replace(/^\S*\s+/, '');
}
