/**
 * A one-line progress bar on stderr, shown only on an interactive terminal outside CI. `SEGMENTA_PROGRESS=plain`
 * prints one line per 10% instead (for logs and supervising processes).
 */
export interface Progress {
  update(done: number, total: number, detail?: string): void;
  done(): void;
}

const silent: Progress = { update: () => {}, done: () => {} };

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (process.env.SEGMENTA_PROGRESS === 'plain') return plain(label, stream);
  if (!stream.isTTY || process.env.CI) return silent;
  const started = Date.now();
  let last = 0;
  return {
    update(done, total, detail = '') {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const frac = total > 0 ? Math.min(1, done / total) : 0;
      const width = 30;
      const full = Math.round(frac * width);
      const secs = (now - started) / 1000;
      const eta = frac > 0.02 ? ` eta ${Math.max(0, secs / frac - secs).toFixed(0)}s` : '';
      stream.write(
        `\r${label} [${'█'.repeat(full)}${'░'.repeat(width - full)}] ${(frac * 100).toFixed(0).padStart(3)}% ${detail}${eta}\x1b[K`,
      );
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}

function plain(label: string, stream: NodeJS.WriteStream): Progress {
  let step = -1;
  return {
    update(done, total, detail = '') {
      const s = total > 0 ? Math.floor((10 * done) / total) : 0;
      if (s > step) {
        step = s;
        stream.write(`${label} ${s * 10}% ${detail}\n`);
      }
    },
    done() {},
  };
}
