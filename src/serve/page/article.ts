// The article with its findings marked in place. The text is cut at every finding's start and
// end; each piece covered by findings is a <mark> listing them (shortest first), coloured by the
// shortest one's severity and underlined by what it offers (fix, suggestion, report). Text is
// only ever set as text nodes, so an article full of markup shows that markup literally.

import type { ApiFinding } from '../types.js';

export type Marker = 'fix' | 'suggestion' | 'report';

export function markerOf(f: ApiFinding): Marker {
  return f.fix ? 'fix' : f.suggestions.length > 0 ? 'suggestion' : 'report';
}

/** The marks of each finding, in text order. */
export type MarkIndex = Map<string, HTMLElement[]>;

export function renderArticle(el: HTMLElement, text: string, findings: readonly ApiFinding[], rejected: ReadonlySet<string>, fresh: readonly [number, number][] = []): MarkIndex {
  const index: MarkIndex = new Map(findings.map((f) => [f.id, []]));
  const cuts = new Set([0, text.length]);
  for (const f of findings) cuts.add(f.start).add(f.end);
  for (const [a, b] of fresh) cuts.add(a).add(b);
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...findings].sort((a, b) => a.start - b.start);
  const frag = document.createDocumentFragment();
  let active: ApiFinding[] = [];
  let next = 0;
  for (let i = 0; i < points.length; i++) {
    const at = points[i];
    active = active.filter((f) => f.end > at);
    for (; next < byStart.length && byStart[next].start <= at; next++) {
      const f = byStart[next];
      if (f.start === f.end) frag.append(pointMark(f, rejected, index));
      else active.push(f);
    }
    if (i === points.length - 1) break;
    const piece = text.slice(at, points[i + 1]);
    const isFresh = fresh.some(([a, b]) => a <= at && points[i + 1] <= b);
    if (active.length === 0) {
      if (isFresh) {
        const span = document.createElement('span');
        span.className = 'fresh';
        span.textContent = piece;
        frag.append(span);
      } else frag.append(document.createTextNode(piece));
      continue;
    }
    const cover = [...active].sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
    const pending = cover.filter((f) => !rejected.has(f.id));
    const main = pending[0] ?? cover[0];
    const mark = document.createElement('mark');
    mark.className = `hl sev-${main.severity} m-${markerOf(main)}${pending.length === 0 ? ' rejected' : ''}${cover.length > 1 ? ' multi' : ''}${isFresh ? ' fresh' : ''}`;
    mark.dataset.ids = cover.map((f) => f.id).join(' ');
    mark.textContent = piece;
    for (const f of cover) index.get(f.id)!.push(mark);
    frag.append(mark);
  }
  el.replaceChildren(frag);
  return index;
}

/** A finding with no extent (a missing word, say): an empty mark the style shows as a caret. */
function pointMark(f: ApiFinding, rejected: ReadonlySet<string>, index: MarkIndex): HTMLElement {
  const mark = document.createElement('mark');
  mark.className = `hl point sev-${f.severity} m-${markerOf(f)}${rejected.has(f.id) ? ' rejected' : ''}`;
  mark.dataset.ids = f.id;
  index.get(f.id)!.push(mark);
  return mark;
}

/** Shows which finding is selected: its marks get `selected`, the others lose it. */
export function showSelected(index: MarkIndex, previous: string | null, id: string | null, scroll: boolean): void {
  if (previous) for (const m of index.get(previous) ?? []) m.classList.remove('selected');
  if (!id) return;
  const marks = index.get(id) ?? [];
  for (const m of marks) m.classList.add('selected');
  if (scroll && marks[0]) marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
}
