// `--progress`: which file of how many is being checked, on stderr. On a terminal one line
// rewritten in place (and cleared at the end); otherwise a line per file.

export interface Progress {
  tick(path: string): void;
  done(): void;
}

/** Progress is shown for a batch (more than one file) in a format for people: when asked (--progress), else when stderr is a terminal. */
export function wantProgress(o: { human: boolean; files: number; flag: boolean | undefined; stderrIsTTY: boolean }): boolean {
  return o.human && o.files > 1 && (o.flag ?? o.stderrIsTTY);
}

export const NO_PROGRESS: Progress = { tick() {}, done() {} };

export function progress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  let n = 0;
  const tty = Boolean(stream.isTTY);
  return {
    tick(path) {
      n++;
      const line = `[${n}/${total}] ${path}`;
      if (tty) stream.write(`\r\u001b[K${line.length > (stream.columns || 80) - 1 ? line.slice(0, (stream.columns || 80) - 2) + '…' : line}`);
      else stream.write(`${line}\n`);
    },
    done() {
      if (tty && n > 0) stream.write('\r\u001b[K');
    },
  };
}
