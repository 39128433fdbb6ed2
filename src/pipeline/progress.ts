// Progress of a long run. On a terminal: one line per source, redrawn in place. Elsewhere (CI logs, pipes):
// plain lines, each prefixed with its source, so a log reads top to bottom.
export interface Progress {
  update(id: string, message: string): void;
  done(id: string, message: string): void;
  /** Ends the live display (a terminal gets its last state left on screen). */
  close(): void;
}

interface Out {
  write(text: string): unknown;
  isTTY?: boolean;
}

export function progress(out: Out, ids: string[], env: Record<string, string | undefined> = process.env): Progress {
  const live = !!out.isTTY && !env.CI && env.TERM !== 'dumb';
  if (!live)
    return {
      update: (id, message) => void out.write(`${id}: ${message}\n`),
      done: (id, message) => void out.write(`${id}: ${message}\n`),
      close: () => {},
    };
  const lines = new Map(ids.map((id) => [id, 'waiting']));
  let drawn = 0;
  let last = 0;
  const draw = (force = false) => {
    const now = Date.now();
    // A terminal redraw per Mastodon page would flicker; ten a second is plenty.
    if (!force && now - last < 100) return;
    last = now;
    const text = [...lines].map(([id, m]) => `\x1b[2K${id}: ${m}`).join('\n');
    out.write((drawn ? `\x1b[${drawn}F` : '') + text + '\n');
    drawn = lines.size;
  };
  return {
    update: (id, message) => (lines.set(id, message), draw()),
    done: (id, message) => (lines.set(id, message), draw(true)),
    close: () => draw(true),
  };
}
