// The review page: opens an article (a file the server was started with, or pasted text), shows
// its findings in place and in a list, and lets a copy editor accept, reject and undo them one by
// one or accept every safe fix, edit the text, and save or download the result. The server does
// all the linting and fixing (api.ts); this file keeps the editor's decisions and draws them.

import type { ApiFinding, FixResponse } from '../types.js';
import { api } from './api.js';
import { markerOf, renderArticle, showSelected, type MarkIndex } from './article.js';
import { renderDiff } from './diff-view.js';
import { renderDetail, renderList } from './list.js';

interface Doc {
  /** The served file, or null for pasted text. */
  path: string | null;
  name: string;
  format: string;
  /** The text as opened: the changes view and the patch compare with it. */
  original: string;
  /** The text as last saved (or opened). */
  saved: string;
  text: string;
  revision: string | null;
  bom: boolean;
  findings: ApiFinding[];
}

interface Snapshot {
  text: string;
  findings: ApiFinding[];
  rejected: Set<string>;
  choice: Map<string, number>;
  accepted: number;
  selected: string | null;
}

const MAX_ROUNDS = 10;

const state = {
  doc: null as Doc | null,
  /** Ids of the findings the editor rejected (carried to the same findings after each change). */
  rejected: new Set<string>(),
  /** The suggestion chosen for a finding with several. */
  choice: new Map<string, number>(),
  selected: null as string | null,
  accepted: 0,
  history: [] as Snapshot[],
  busy: false,
  editing: false,
  style: undefined as string | undefined,
  /** Text just inserted by accepted fixes, shown briefly. */
  fresh: [] as [number, number][],
  index: new Map() as MarkIndex,
};

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const FORMAT_NAMES: Record<string, string> = { text: 'Plain text', markdown: 'Markdown', html: 'HTML', feed: 'Feed', ndjson: 'NDJSON' };

// ---------------------------------------------------------------- requests and messages

/** Runs one server round trip at a time; a failure is shown in the alert bar. */
async function run(task: () => Promise<void>): Promise<void> {
  if (state.busy) return;
  state.busy = true;
  document.body.dataset.busy = '1';
  clearAlert();
  try {
    await task();
  } catch (e) {
    showAlert((e as Error).message);
  } finally {
    state.busy = false;
    delete document.body.dataset.busy;
  }
}

function showAlert(message: string): void {
  const el = $('alert');
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Dismiss';
  close.addEventListener('click', clearAlert);
  const text = document.createElement('span');
  text.textContent = message;
  el.replaceChildren(text, close);
  el.hidden = false;
}

function clearAlert(): void {
  $('alert').hidden = true;
  $('alert').replaceChildren();
}

function announce(message: string): void {
  $('status').textContent = message;
}

// ---------------------------------------------------------------- documents

function options(doc: Doc) {
  return { filename: doc.path ?? doc.name, format: doc.format, style: state.style };
}

function load(doc: Doc): void {
  Object.assign(state, { doc, selected: null, accepted: 0, history: [], fresh: [], editing: false });
  state.rejected = new Set();
  state.choice = new Map();
  showEditor(false);
  renderAll();
  performance.mark('mtlint:highlighted');
  document.body.dataset.state = 'ready';
  const n = doc.findings.length;
  announce(`${doc.name}: ${n === 0 ? 'no findings' : `${n} finding${n === 1 ? '' : 's'}`}. Press j for the first.`);
}

async function openFile(path: string): Promise<void> {
  const r = await api.open(path);
  load({ path, name: path, format: r.format, original: r.text, saved: r.text, text: r.text, revision: r.revision, bom: r.bom, findings: r.files[0].findings });
}

async function checkPasted(text: string, format: string): Promise<void> {
  const name = `pasted.${{ markdown: 'md', html: 'html' }[format] ?? 'txt'}`;
  const r = await api.lint({ text, format, filename: name });
  load({ path: null, name, format: r.format, original: text, saved: text, text, revision: null, bom: false, findings: r.files[0].findings });
}

function unsaved(): boolean {
  const d = state.doc;
  return d !== null && d.text !== d.saved;
}

// ---------------------------------------------------------------- decisions

function snapshot(): void {
  const d = state.doc!;
  state.history.push({ text: d.text, findings: d.findings, rejected: new Set(state.rejected), choice: new Map(state.choice), accepted: state.accepted, selected: state.selected });
}

function pending(): ApiFinding[] {
  return state.doc?.findings.filter((f) => !state.rejected.has(f.id)) ?? [];
}

function find(id: string | null): ApiFinding | undefined {
  return id === null ? undefined : state.doc?.findings.find((f) => f.id === id);
}

/** The pending finding after (dir 1) or before (-1) the selected one, in text order. */
function neighbour(dir: 1 | -1, from = state.selected): ApiFinding | undefined {
  const all = state.doc?.findings ?? [];
  const at = from === null ? -1 : all.findIndex((f) => f.id === from);
  const list = dir === 1 ? all.slice(at + 1) : all.slice(0, at === -1 ? all.length : at).reverse();
  return list.find((f) => !state.rejected.has(f.id));
}

/** Takes a fix answer: the new text and findings, the editor's decisions carried to the same findings. */
function take(r: FixResponse): void {
  const d = state.doc!;
  const rejected = new Set<string>();
  const choice = new Map<string, number>();
  for (const f of r.files[0].findings) {
    if (f.previousId === undefined) continue;
    if (state.rejected.has(f.previousId)) rejected.add(f.id);
    const c = state.choice.get(f.previousId);
    if (c !== undefined) choice.set(f.id, c);
  }
  d.text = r.text;
  d.findings = r.files[0].findings;
  state.rejected = rejected;
  state.choice = choice;
  state.accepted += r.applied.length;
  state.fresh = r.changed.map((c) => [c.start, c.end]);
}

async function accept(): Promise<void> {
  const d = state.doc;
  const f = find(state.selected);
  if (!d || !f || markerOf(f) === 'report') return;
  const c = state.choice.get(f.id);
  const next = neighbour(1, f.id)?.id;
  const r = await api.fix({ text: d.text, ids: [c === undefined || f.fix ? f.id : { id: f.id, suggestion: c }], ...options(d) });
  snapshot();
  take(r);
  const after = r.files[0].findings;
  const following = after.find((g) => g.previousId !== undefined && g.previousId === next) ?? after.find((g) => !state.rejected.has(g.id) && g.start >= (r.changed[0]?.start ?? f.start));
  state.selected = null;
  renderAll();
  select(following?.id ?? null, { scroll: true });
  announce(`Accepted: ${f.text} → ${(f.fix ?? f.suggestions[c ?? 0]).text || 'deleted'}.${following ? '' : ' No more findings after it.'}`);
}

function reject(): void {
  const f = find(state.selected);
  if (!f || state.rejected.has(f.id)) return;
  snapshot();
  const next = neighbour(1, f.id);
  state.rejected.add(f.id);
  state.fresh = [];
  renderAll();
  select(next?.id ?? null, { scroll: true });
  announce(`Rejected. ${next ? '' : 'No more findings after it.'}`);
}

function restore(): void {
  const f = find(state.selected);
  if (!f || !state.rejected.has(f.id)) return;
  snapshot();
  state.rejected.delete(f.id);
  renderAll();
  select(f.id, { scroll: false });
  announce('Restored: to review again.');
}

function undo(): void {
  const s = state.history.pop();
  const d = state.doc;
  if (!s || !d) return;
  d.text = s.text;
  d.findings = s.findings;
  Object.assign(state, { rejected: s.rejected, choice: s.choice, accepted: s.accepted, fresh: [], selected: null });
  showEditor(false);
  renderAll();
  select(s.selected, { scroll: true });
  announce('Undone.');
}

/** Every safe fix still to review, then those the re-check finds, in rounds (as --fix's passes). */
async function acceptAllSafe(): Promise<void> {
  const d = state.doc;
  if (!d) return;
  let total = 0;
  let first = true;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const ids = pending().filter((f) => f.fix).map((f) => f.id);
    if (ids.length === 0) break;
    const r = await api.fix({ text: d.text, ids, ...options(d) });
    if (r.applied.length === 0) break;
    if (first) snapshot();
    first = false;
    take(r);
    total += r.applied.length;
  }
  state.selected = null;
  renderAll();
  announce(total === 0 ? 'No safe fixes to accept.' : `Accepted ${total} safe fix${total === 1 ? '' : 'es'}.`);
}

/** Re-checks the current text (after an edit or a change of house style); rejections stay with findings of the same id. */
async function recheck(): Promise<void> {
  const d = state.doc!;
  const r = await api.lint({ text: d.text, ...options(d) });
  d.findings = r.files[0].findings;
  const ids = new Set(d.findings.map((f) => f.id));
  state.rejected = new Set([...state.rejected].filter((id) => ids.has(id)));
  state.fresh = [];
  state.selected = ids.has(state.selected ?? '') ? state.selected : null;
  renderAll();
  announce(`Checked again: ${pending().length} to review.`);
}

function choose(n: number): void {
  const f = find(state.selected);
  if (!f || f.fix || n >= f.suggestions.length) return;
  state.choice.set(f.id, n);
  renderDetailCard();
  announce(`Suggestion ${n + 1} chosen: ${f.suggestions[n].text}`);
}

// ---------------------------------------------------------------- editing, saving, downloading

function showEditor(on: boolean): void {
  state.editing = on;
  $('editor').hidden = !on;
  $('article').hidden = on;
  $('edit').textContent = on ? 'Re-check' : 'Edit text';
}

/** The textarea gives every line break as LF; a file written with CRLF throughout gets CRLF back. */
function withLineEnds(edited: string, original: string): string {
  const crlf = original.split('\r\n').length - 1;
  return crlf > 0 && crlf === original.split('\n').length - 1 ? edited.replace(/\r?\n/g, '\r\n') : edited;
}

async function toggleEdit(): Promise<void> {
  const d = state.doc;
  if (!d) return;
  const editor = $<HTMLTextAreaElement>('editor');
  if (!state.editing) {
    editor.value = d.text;
    showEditor(true);
    editor.focus();
    announce('Editing the text. Press Re-check when done.');
    return;
  }
  const text = withLineEnds(editor.value, d.text);
  showEditor(false);
  if (text === d.text) {
    renderAll();
    return;
  }
  snapshot();
  d.text = text;
  await recheck();
}

async function save(): Promise<void> {
  const d = state.doc;
  if (!d || d.path === null || d.revision === null) return;
  const r = await api.save({ path: d.path, text: d.text, revision: d.revision });
  d.revision = r.revision;
  d.saved = d.text;
  renderMeta();
  announce(`Saved ${d.path}.`);
}

function download(name: string, body: string): void {
  const url = URL.createObjectURL(new Blob([body], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const baseName = (p: string) => p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);

async function downloadPatch(): Promise<void> {
  const d = state.doc;
  if (!d) return;
  if (d.text === d.original) return showAlert('Nothing has changed yet: there is no patch to download.');
  const r = await api.diff({ original: d.original, text: d.text, bom: d.bom, ...options(d) });
  download(`${baseName(d.name)}.patch`, r.patch);
}

// ---------------------------------------------------------------- drawing

function renderAll(): void {
  const d = state.doc;
  $('empty').hidden = d !== null;
  if (!d) return;
  state.index = renderArticle($('article'), d.text, d.findings, state.rejected, state.fresh);
  renderList($('groups'), d.text, d.findings, state.rejected, state.selected);
  for (const id of ['article', 'editor']) $(id).classList.toggle('source', d.format !== 'text');
  showSelected(state.index, null, state.selected, false);
  renderDetailCard();
  renderSummary();
  $('count-changes').textContent = String(renderDiff($('diff'), d.original, d.text));
  renderMeta();
}

function renderMeta(): void {
  const d = state.doc;
  if (!d) return;
  $('doc-title').textContent = d.name;
  $('doc-meta').textContent = `${FORMAT_NAMES[d.format] ?? d.format}${d.path === null ? ' · pasted, not saved anywhere' : unsaved() ? ' · unsaved changes' : d.text !== d.original ? ' · saved' : ''}`;
  const open = pending();
  $<HTMLButtonElement>('accept-safe').disabled = !open.some((f) => f.fix);
  $<HTMLButtonElement>('undo').disabled = state.history.length === 0;
  $<HTMLButtonElement>('save').disabled = d.path === null || !unsaved();
  $<HTMLButtonElement>('download-patch').disabled = d.text === d.original;
  for (const id of ['edit', 'download-text']) $<HTMLButtonElement>(id).disabled = false;
}

function renderSummary(): void {
  const d = state.doc!;
  const open = pending();
  const count = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
  const sev = (s: string) => open.filter((f) => f.severity === s).length;
  const kinds = { fix: 0, suggestion: 0, report: 0 };
  for (const f of open) kinds[markerOf(f)]++;
  $('count-findings').textContent = String(open.length);
  const parts = [
    open.length === 0 ? (d.findings.length === 0 ? 'No findings.' : 'Nothing left to review.') : `${count(open.length, 'finding')} to review: ${count(sev('error'), 'error')}, ${count(sev('warning'), 'warning')}, ${sev('info')} info.`,
    open.length ? `${count(kinds.fix, 'safe fix', 'safe fixes')}, ${count(kinds.suggestion, 'suggestion')}, ${count(kinds.report, 'report')}.` : '',
    state.accepted + state.rejected.size > 0 ? `${state.accepted} accepted, ${state.rejected.size} rejected.` : '',
  ];
  $('summary').textContent = parts.filter(Boolean).join(' ');
}

function renderDetailCard(): void {
  const f = find(state.selected);
  const hint = !f && state.doc !== null && pending().length > 0;
  $('detail').hidden = !f && !hint;
  $('detail').classList.toggle('hint', hint);
  if (hint) {
    const p = document.createElement('p');
    p.className = 'muted';
    p.textContent = 'Click a marked passage, or press j, to see its correction here; a accepts it, r rejects it.';
    $('detail-body').replaceChildren(p);
  }
  if (!f) return;
  const open = pending();
  const at = open.findIndex((g) => g.id === f.id);
  const position = at >= 0 ? `${at + 1} of ${open.length}` : 'rejected';
  renderDetail($('detail-body'), state.doc!.text, f, state.rejected.has(f.id), state.choice.get(f.id) ?? 0, position, {
    accept: () => void run(accept),
    reject,
    restore,
    choose,
  });
}

function select(id: string | null, o: { scroll: boolean; focus?: boolean }): void {
  const previous = state.selected;
  state.selected = find(id) ? id : null;
  showSelected(state.index, previous, state.selected, o.scroll);
  for (const b of document.querySelectorAll<HTMLElement>('#groups .item')) {
    const on = b.dataset.id === state.selected;
    b.classList.toggle('selected', on);
    if (on) b.setAttribute('aria-current', 'true');
    else b.removeAttribute('aria-current');
  }
  renderDetailCard();
  const item = state.selected ? document.querySelector<HTMLElement>(`#groups .item[data-id="${state.selected}"]`) : null;
  if (item) {
    if (o.focus) item.focus({ preventScroll: true });
    item.scrollIntoView({ block: 'nearest' });
  }
}

function move(dir: 1 | -1): void {
  const f = neighbour(dir);
  if (!f) return announce(dir === 1 ? 'No more findings after this one.' : 'No findings before this one.');
  select(f.id, { scroll: true, focus: true });
  announce(`${$('detail-body').querySelector('.where')?.textContent ?? ''}: ${f.severity}, ${markerOf(f)}. ${f.message}`);
}

// ---------------------------------------------------------------- wiring

function showTab(name: string): void {
  for (const t of ['findings', 'changes', 'keys']) {
    const tab = $(`tab-${t}`);
    const on = t === name;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(t).hidden = !on;
  }
}

function onKey(e: KeyboardEvent): void {
  const target = e.target as HTMLElement;
  const typing = target.closest('input, textarea, select, [contenteditable="true"]') !== null;
  if ($<HTMLDialogElement>('paste-dialog').open || state.editing) return;
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !typing) {
    e.preventDefault();
    return undo();
  }
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
  const onButton = target.closest('button') !== null;
  const keys: Record<string, () => void> = {
    j: () => move(1),
    n: () => move(1),
    k: () => move(-1),
    p: () => move(-1),
    a: () => void run(accept),
    r: () => (state.rejected.has(state.selected ?? '') ? restore() : reject()),
    u: undo,
    A: () => void run(acceptAllSafe),
    e: () => void run(toggleEdit),
    Escape: () => select(null, { scroll: false }),
  };
  if (!onButton) keys.Enter = keys.a;
  const action = keys[e.key] ?? (/^[1-9]$/.test(e.key) ? () => choose(Number(e.key) - 1) : undefined);
  if (!action || (state.busy && e.key !== 'Escape')) return;
  e.preventDefault();
  action();
}

async function start(): Promise<void> {
  const info = await api.files();
  const files = $<HTMLSelectElement>('file');
  files.replaceChildren(...info.files.map((f) => new Option(`${f.path} (${FORMAT_NAMES[f.format] ?? f.format})`, f.path)));
  if (info.files.length === 0) files.append(new Option('no files: paste text', ''));
  files.disabled = info.files.length === 0;
  const style = $<HTMLSelectElement>('style');
  style.replaceChildren(new Option(info.style ? `${info.style} (configured)` : 'none', ''), ...info.styles.filter((s) => s !== info.style).map((s) => new Option(s, s)));
  if (info.files.length > 0) await openFile(info.files[0].path);
  else document.body.dataset.state = 'ready';
}

function wire(): void {
  $('file').addEventListener('change', () => {
    const path = $<HTMLSelectElement>('file').value;
    if (unsaved() && !confirm(`${state.doc!.name} has changes that are not saved. Open ${path} and lose them?`)) {
      $<HTMLSelectElement>('file').value = state.doc!.path ?? '';
      return;
    }
    void run(() => openFile(path));
  });
  $('style').addEventListener('change', () => {
    state.style = $<HTMLSelectElement>('style').value || undefined;
    if (state.doc) void run(recheck);
  });
  const dialog = $<HTMLDialogElement>('paste-dialog');
  $('paste').addEventListener('click', () => dialog.showModal());
  $('paste-cancel').addEventListener('click', () => dialog.close());
  $('paste-check').addEventListener('click', () => {
    const text = $<HTMLTextAreaElement>('paste-text').value;
    const format = $<HTMLSelectElement>('paste-format').value;
    if (unsaved() && !confirm(`${state.doc!.name} has changes that are not saved. Check the pasted text and lose them?`)) return;
    dialog.close();
    void run(() => checkPasted(text, format));
  });
  $('accept-safe').addEventListener('click', () => void run(acceptAllSafe));
  $('undo').addEventListener('click', undo);
  $('edit').addEventListener('click', () => void run(toggleEdit));
  $('save').addEventListener('click', () => void run(save));
  $('download-text').addEventListener('click', () => state.doc && download(baseName(state.doc.name), (state.doc.bom ? '\ufeff' : '') + state.doc.text));
  $('download-patch').addEventListener('click', () => void run(downloadPatch));
  $('article').addEventListener('click', (e) => {
    const mark = (e.target as HTMLElement).closest<HTMLElement>('mark.hl');
    if (!mark) return;
    const ids = mark.dataset.ids!.split(' ');
    // A second click on a mark covered by several findings goes to the next of them.
    const at = ids.indexOf(state.selected ?? '');
    select(ids[(at + 1) % ids.length], { scroll: false });
  });
  $('groups').addEventListener('click', (e) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>('.item');
    if (item) select(item.dataset.id!, { scroll: true });
  });
  for (const t of ['findings', 'changes', 'keys']) $(`tab-${t}`).addEventListener('click', () => showTab(t));
  $('tab-findings').parentElement!.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const tabs = ['findings', 'changes', 'keys'];
    const at = tabs.findIndex((t) => $(`tab-${t}`).getAttribute('aria-selected') === 'true');
    const next = tabs[(at + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    showTab(next);
    $(`tab-${next}`).focus();
  });
  document.addEventListener('keydown', onKey);
  window.addEventListener('beforeunload', (e) => {
    if (unsaved()) e.preventDefault();
  });
}

wire();
void run(start);
