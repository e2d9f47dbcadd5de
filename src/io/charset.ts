// Declared encodings: an XML prolog (`<?xml version="1.0" encoding="iso-8859-1"?>`) or an HTML
// `<meta charset>` / `http-equiv="Content-Type"` near the start of the file names the encoding
// its bytes are in. mtlint reads such a file in it (names resolved as the WHATWG Encoding
// standard does, so iso-8859-1 is read as windows-1252, like a browser) and writes it back in
// it; a replacement the encoding cannot hold is written as a character reference where markup
// reads one back, and refused elsewhere. Only single-byte encodings are written back.
//
//   <?xml version="1.0" encoding="iso-8859-1"?>     → windows-1252, 0xE9 is é

import { extname } from 'node:path';

/** How far into a file a declaration is looked for (the HTML standard's pre-scan reads 1,024 bytes). */
const HEAD = 1024;

const XML_DECL = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']+)["']/;
const META = /<meta\s[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;

/** The encoding `head` (a file's first characters) declares, as written there: an XML prolog, or for HTML a meta tag. */
export function declaredEncoding(head: string, html: boolean): string | undefined {
  const text = head.slice(0, HEAD);
  const xml = XML_DECL.exec(text);
  if (xml) return xml[1];
  return html ? META.exec(text)?.[1] : undefined;
}

/** An HTML file by its name (a declaration in its meta tag counts). */
export function isHtmlPath(path: string): boolean {
  return ['.html', '.htm', '.xhtml'].includes(extname(path).toLowerCase());
}

/** The encoding's canonical name (`iso-8859-1` → `windows-1252`), or undefined when Node cannot decode it. */
export function canonicalEncoding(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** A single-byte encoding: each byte's character, and back (characters with no byte are absent). */
export interface SingleByte {
  name: string;
  decode: string[];
  encode: Map<string, number>;
}

const tables = new Map<string, SingleByte | null>();

/** The tables of a single-byte encoding (every byte one UTF-16 unit), or null for a multi-byte one. */
export function singleByte(name: string): SingleByte | null {
  let t = tables.get(name);
  if (t !== undefined) return t;
  const all = new TextDecoder(name).decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  if (all.length !== 256) t = null;
  else {
    const decode = [...all];
    const encode = new Map<string, number>();
    decode.forEach((c, b) => {
      if (c !== '\ufffd' && !encode.has(c)) encode.set(c, b);
    });
    t = { name, decode, encode };
  }
  tables.set(name, t);
  return t;
}

/** True when every character of `text` has a byte in the encoding. */
export function representable(table: SingleByte, text: string): boolean {
  for (const c of text) if (!table.encode.has(c)) return false;
  return true;
}

/** `text` in the encoding; null when some character has no byte there. */
export function encodeSingleByte(table: SingleByte, text: string): Buffer | null {
  const out = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = table.encode.get(text[i]);
    if (b === undefined) return null;
    out[i] = b;
  }
  return out;
}

/** Characters the encoding cannot hold as hexadecimal character references (`ğ` → `&#x11f;`). */
export function withReferences(table: SingleByte, text: string): string {
  let out = '';
  for (const c of text) out += table.encode.has(c) ? c : `&#x${c.codePointAt(0)!.toString(16)};`;
  return out;
}
