// The side of the page: the findings grouped by rule pack with counts, and the card of the
// selected finding (its message, the change in context, its suggestions, Accept and Reject).
// Built with DOM calls and text nodes only.

import type { ApiEdit, ApiFinding } from '../types.js';
import { markerOf } from './article.js';

/** Rule packs in the order the list shows them, with their names for people. */
const PACKS: [string, string][] = [
  ['names', 'Names'],
  ['calques', 'Literal translations'],
  ['quotes', 'Quotes'],
  ['residue', 'Page residue'],
  ['repetition', 'Repetition'],
  ['script', 'Script and characters'],
  ['spinner', 'Spinner phrases'],
  ['styles', 'House style'],
  ['phrases', 'Term lists'],
];

export function packOf(f: ApiFinding): string {
  return f.ruleId.includes('/') ? f.ruleId.slice(0, f.ruleId.indexOf('/')) : f.ruleId;
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  el.append(...children);
  return el;
}

/** A message with its `quoted` words (the flagged text, the correction) in bold. */
function message(text: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  text.split('`').forEach((part, i) => frag.append(i % 2 ? h('b', undefined, part) : part));
  return frag;
}

/** Line breaks in a removed or inserted span made visible. */
const visible = (s: string) => s.replace(/\r\n|\r|\n/g, '⏎');

/** Up to `n` characters of context on the edit's line, cut at a word. */
function context(text: string, at: number, dir: 1 | -1, n = 48): string {
  const raw = dir === 1 ? text.slice(at, at + n + 20) : text.slice(Math.max(0, at - n - 20), at);
  const line = dir === 1 ? raw.split(/\r\n|\r|\n/)[0] : raw.split(/\r\n|\r|\n/).pop()!;
  if (line.length <= n) return line;
  const cut = dir === 1 ? line.slice(0, n).replace(/\s+\S*$/, '') : line.slice(-n).replace(/^\S*\s+/, '');
  return dir === 1 ? `${cut}…` : `…${cut}`;
}

/** The edit in its sentence: context, <del>removed</del><ins>inserted</ins>, context. */
export function changeView(text: string, e: ApiEdit): HTMLElement {
  const removed = text.slice(e.start, e.end);
  return h(
    'span',
    'change',
    context(text, e.start, -1),
    ...(removed ? [h('del', undefined, visible(removed))] : []),
    ...(e.text ? [h('ins', undefined, visible(e.text))] : []),
    context(text, e.end, 1),
  );
}

/** The list entry's short text: the flagged words before → after the change, or the message for a report. */
function gist(text: string, f: ApiFinding): string {
  const e = f.fix ?? f.suggestions[0];
  const cut = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 3).replace(/\s+\S*$/, '')}…` : s);
  if (!e) return cut(f.message.replace(/`/g, ''), 90);
  // The change shown on the flagged words when it lies within them; else what it removes and inserts.
  const inside = e.start >= f.start && e.end <= f.end;
  const before = inside ? text.slice(f.start, f.end) : text.slice(e.start, e.end);
  const after = inside ? text.slice(f.start, e.start) + e.text + text.slice(e.end, f.end) : e.text;
  if (after.trim() === '') return `delete “${cut(visible(before.trim()))}”`;
  return `${cut(visible(before))} → ${cut(visible(after))}`;
}

export function renderList(el: HTMLElement, text: string, findings: readonly ApiFinding[], rejected: ReadonlySet<string>, selected: string | null): void {
  const groups = new Map<string, ApiFinding[]>();
  for (const f of findings) {
    const p = packOf(f);
    if (!groups.has(p)) groups.set(p, []);
    groups.get(p)!.push(f);
  }
  const order = [...PACKS.map(([p]) => p).filter((p) => groups.has(p)), ...[...groups.keys()].filter((p) => !PACKS.some(([q]) => q === p)).sort()];
  const out = document.createDocumentFragment();
  for (const pack of order) {
    const list = groups.get(pack)!;
    const open = list.filter((f) => !rejected.has(f.id)).length;
    const name = PACKS.find(([p]) => p === pack)?.[1] ?? pack;
    const heading = h('h3', undefined, name, ' ', h('span', 'count', String(open)));
    if (open < list.length) heading.append(h('span', 'muted', ` + ${list.length - open} rejected`));
    const ul = h('ul', 'items');
    for (const f of list) {
      const marker = markerOf(f);
      const button = h(
        'button',
        `item${rejected.has(f.id) ? ' rejected' : ''}${f.id === selected ? ' selected' : ''}`,
        h('span', `sev-dot sev-${f.severity}`, h('span', 'visually-hidden', `${f.severity}${rejected.has(f.id) ? ', rejected' : ''}:`)),
        h('span', `tag m-${marker}`, marker),
        h('span', 'gist', gist(text, f)),
        h('span', 'where', `line ${f.line}`),
      );
      button.type = 'button';
      button.dataset.id = f.id;
      if (f.id === selected) button.setAttribute('aria-current', 'true');
      ul.append(h('li', undefined, button));
    }
    out.append(h('section', 'group', heading, ul));
  }
  el.replaceChildren(out);
}

export interface DetailActions {
  accept(): void;
  reject(): void;
  restore(): void;
  choose(n: number): void;
}

export function renderDetail(el: HTMLElement, text: string, f: ApiFinding, isRejected: boolean, choice: number, position: string, act: DetailActions): void {
  const marker = markerOf(f);
  const head = h(
    'div',
    'detail-head',
    h('span', `badge sev-${f.severity}`, f.severity),
    h('span', `tag m-${marker}`, marker),
    h('span', 'rule', f.ruleId),
    h('span', 'where', `${position} · line ${f.line}, column ${f.column}`),
  );
  const parts: Node[] = [head, h('p', 'message', message(f.message))];
  if (f.fix) parts.push(h('p', 'preview', changeView(text, f.fix)));
  else if (f.suggestions.length === 1) parts.push(h('p', 'preview', changeView(text, f.suggestions[0])));
  else if (f.suggestions.length > 1) {
    const set = h('fieldset', 'choices', h('legend', undefined, 'Suggestions'));
    f.suggestions.forEach((s, i) => {
      const input = h('input');
      input.type = 'radio';
      input.name = 'suggestion';
      input.id = `suggestion-${i}`;
      input.checked = i === choice;
      input.addEventListener('change', () => act.choose(i));
      const label = h('label', undefined, h('kbd', undefined, String(i + 1)), ' ', changeView(text, s));
      label.htmlFor = input.id;
      set.append(h('div', 'choice', input, label));
    });
    parts.push(set);
  } else parts.push(h('p', 'preview muted', 'No automatic change: edit the text (Edit text), or reject this finding once you have looked at it.'));
  const buttons = h('div', 'buttons');
  const button = (label: string, key: string, cls: string, on: () => void) => {
    const b = h('button', cls, label, ' ', h('kbd', undefined, key));
    b.type = 'button';
    b.addEventListener('click', on);
    buttons.append(b);
    return b;
  };
  if (marker !== 'report') button('Accept', 'a', 'primary accept', act.accept);
  if (isRejected) {
    parts.push(h('p', 'muted', 'You rejected this finding.'));
    button('Restore', 'r', 'restore', act.restore);
  } else button(marker === 'report' ? 'Dismiss' : 'Reject', 'r', 'reject', act.reject);
  parts.push(buttons);
  el.replaceChildren(...parts);
}
