// The diff format: a unified diff per file from the original to the corrected text, with
// git-style headers so that `git apply` and `patch -p1` accept it. The BOM, if any, is part of
// the first line on disk, so it is part of the diffed text too.

import { createTwoFilesPatch } from 'diff';
import type { Formatter } from './result.js';

export const diff: Formatter = (results, options) => {
  let out = '';
  for (const r of results) {
    if (r.output === undefined || r.output === r.text) continue;
    const bom = r.bom ? '\ufeff' : '';
    const patch = createTwoFilesPatch(`a/${r.path}`, `b/${r.path}`, bom + r.text, bom + r.output, undefined, undefined, {
      context: options.diffContext,
    });
    // NOTE: jsdiff starts with a line of '=' that git does not expect; git's own header goes first.
    out += `diff --git a/${r.path} b/${r.path}\n` + patch.slice(patch.indexOf('\n') + 1);
  }
  return out;
};
