// A finding's identity that survives edits elsewhere in the file: its rule and a hash of the
// matched text with a little context either side (on its own line, white space collapsed).
// Used by the baseline and as SARIF's partial fingerprint.

const CONTEXT = 40;

export function contextHash(ruleId: string, text: string, start: number, end: number): string {
  let a = Math.max(0, start - CONTEXT);
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
  if (lineStart > a) a = lineStart;
  let z = Math.min(text.length, end + CONTEXT);
  const nl = text.slice(end, z).search(/[\r\n]/);
  if (nl >= 0) z = end + nl;
  const context = text.slice(a, start) + '\u0000' + text.slice(start, end) + '\u0000' + text.slice(end, z);
  // node:crypto loaded on first use: a run without baseline or SARIF output never needs it.
  return process.getBuiltinModule('node:crypto')
    .createHash('sha256')
    .update(`${ruleId}\u0000${context.replace(/\s+/g, ' ').trim()}`)
    .digest('hex')
    .slice(0, 32);
}
