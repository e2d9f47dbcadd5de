// The audit's progress line on stderr for long runs: articles done, the rate, and (when the
// inputs' size is known) the share read and the time left. Drawn at most five times a second on
// one line rewritten in place; nothing when stderr is not a terminal (unless --progress).

export interface ProgressLine {
  tick(): void;
  /** Bytes read of the inputs' total (0: unknown, e.g. standard input). */
  bytes: (read: number, total: number) => void;
  done(): void;
}

export function progressLine(stream: NodeJS.WriteStream | undefined, now = () => performance.now()): ProgressLine {
  if (!stream) return { tick() {}, bytes() {}, done() {} };
  const t0 = now();
  let n = 0;
  let read = 0;
  let total = 0;
  let last = -Infinity;
  let drawn = false;
  const tty = Boolean(stream.isTTY);
  const draw = () => {
    const s = (now() - t0) / 1000;
    const rate = s > 0 ? n / s : 0;
    let line = `mtlint audit: ${n.toLocaleString('en-US')} articles · ${Math.round(rate).toLocaleString('en-US')}/s`;
    if (total > 0 && read > 0) {
      const share = Math.min(1, read / total);
      const left = share > 0 ? (s / share) * (1 - share) : 0;
      line += ` · ${Math.round(share * 100)}% · ETA ${clock(left)}`;
    }
    stream.write(tty ? `\r\u001b[K${line}` : `${line}\n`);
    drawn = true;
  };
  return {
    tick() {
      n++;
      const t = now();
      if (t - last >= (tty ? 200 : 5000)) {
        last = t;
        draw();
      }
    },
    bytes(r, t) {
      read = r;
      total = t;
    },
    done() {
      if (tty && drawn) stream.write('\r\u001b[K');
    },
  };
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
