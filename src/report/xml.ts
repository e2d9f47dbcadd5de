// Escaping for the XML formats (checkstyle, junit): attribute and text values, with characters
// XML 1.0 cannot carry written as \uXXXX.

const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlEscape(s: string): string {
  return s
    .replace(INVALID, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Text for a CDATA section (a `]]>` inside is split across two sections). */
export function cdata(s: string): string {
  return `<![CDATA[${s.replace(INVALID, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}
