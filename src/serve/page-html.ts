// The review page's HTML: the frame the page's script (page/main.ts) fills in. It holds the
// server's API token; nothing in it comes from an article or a file name.

/** The keys the page answers to, shown on the page and listed in the README. */
export const KEYS: [string, string][] = [
  ['j or n', 'next finding'],
  ['k or p', 'previous finding'],
  ['a or Enter', 'accept the fix (or the chosen suggestion)'],
  ['r', 'reject'],
  ['1 – 9', 'choose a suggestion'],
  ['u or Ctrl+Z', 'undo'],
  ['Shift+A', 'accept all safe fixes'],
  ['e', 'edit the text'],
  ['Esc', 'back to the list'],
];

export function pageHtml(token: string): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const kbd = (k: string) => k.split(/( or | – )/).map((part, i) => (i % 2 ? part : `<kbd>${part}</kbd>`)).join('');
  const keys = KEYS.map(([k, what]) => `<dt>${kbd(k)}</dt><dd>${what}</dd>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="mtlint-token" content="${attr(token)}">
<title>mtlint review</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/page.css">
<script src="/page.js" defer></script>
</head>
<body>
<a class="skip" href="#findings">Skip to the findings</a>
<header class="bar">
  <h1>mtlint <span>review</span></h1>
  <div class="picker">
    <label for="file">Article</label>
    <select id="file"></select>
    <button type="button" id="paste">Paste text…</button>
    <label for="style">House style</label>
    <select id="style"></select>
  </div>
</header>
<div id="alert" role="alert" hidden></div>
<main>
  <section class="pane article-pane" aria-labelledby="doc-title">
    <div class="doc-head">
      <div class="doc-name">
        <h2 id="doc-title">No article open</h2>
        <span id="doc-meta"></span>
      </div>
      <div class="actions" role="toolbar" aria-label="Article actions">
        <button type="button" id="accept-safe" class="primary" disabled>Accept all safe fixes</button>
        <button type="button" id="undo" disabled>Undo</button>
        <button type="button" id="edit" disabled>Edit text</button>
        <button type="button" id="save" disabled>Save</button>
        <button type="button" id="download-text" disabled>Download text</button>
        <button type="button" id="download-patch" disabled>Download patch</button>
      </div>
    </div>
    <div id="article" class="article" tabindex="-1"></div>
    <label for="editor" class="visually-hidden">Article text</label>
    <textarea id="editor" class="article editor" spellcheck="false" hidden></textarea>
    <p id="empty" class="empty">Choose an article above, or paste text to check it.</p>
  </section>
  <aside class="pane side" aria-label="Review">
    <section id="detail" class="detail" aria-labelledby="detail-title" hidden>
      <h2 id="detail-title" class="visually-hidden">Selected finding</h2>
      <div id="detail-body"></div>
    </section>
    <div class="tabs" role="tablist" aria-label="Views">
      <button type="button" role="tab" id="tab-findings" aria-controls="findings" aria-selected="true">Findings <span id="count-findings" class="count">0</span></button>
      <button type="button" role="tab" id="tab-changes" aria-controls="changes" aria-selected="false" tabindex="-1">Changes <span id="count-changes" class="count">0</span></button>
      <button type="button" role="tab" id="tab-keys" aria-controls="keys" aria-selected="false" tabindex="-1">Keys</button>
    </div>
    <section id="findings" role="tabpanel" aria-labelledby="tab-findings" class="tabpanel" tabindex="0">
      <p id="summary" class="summary"></p>
      <div id="groups"></div>
    </section>
    <section id="changes" role="tabpanel" aria-labelledby="tab-changes" class="tabpanel" tabindex="0" hidden>
      <p class="summary">Every change accepted so far, word by word, against the text as it was opened.</p>
      <div id="diff" class="diff"></div>
    </section>
    <section id="keys" role="tabpanel" aria-labelledby="tab-keys" class="tabpanel" tabindex="0" hidden>
      <p class="summary">Keys work when the focus is not in a text field.</p>
      <dl class="keys">${keys}</dl>
      <h3>Marks in the text</h3>
      <ul class="legend">
        <li><mark class="hl sev-error m-fix">fix</mark> applied by “Accept” and by “Accept all safe fixes”</li>
        <li><mark class="hl sev-warning m-suggestion">suggestion</mark> likely, but check it: applied only when you accept it</li>
        <li><mark class="hl sev-info m-report">report</mark> something to decide: edit the text, or reject it</li>
        <li>Colour: <span class="sev-dot sev-error"></span> error, <span class="sev-dot sev-warning"></span> warning, <span class="sev-dot sev-info"></span> info</li>
      </ul>
    </section>
  </aside>
</main>
<div id="status" class="visually-hidden" role="status" aria-live="polite"></div>
<dialog id="paste-dialog" aria-labelledby="paste-title">
  <h2 id="paste-title">Paste text to check</h2>
  <label for="paste-format">Read it as</label>
  <select id="paste-format">
    <option value="text">Plain text</option>
    <option value="markdown">Markdown</option>
    <option value="html">HTML</option>
  </select>
  <label for="paste-text">Text</label>
  <textarea id="paste-text" rows="14" spellcheck="false"></textarea>
  <div class="dialog-actions">
    <button type="button" id="paste-check" class="primary">Check</button>
    <button type="button" id="paste-cancel">Cancel</button>
  </div>
</dialog>
</body>
</html>
`;
}
