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

/**
 * Text as it may reach a terminal or a log: messages carry what remote servers said (an error's text, a post's
 * address), and a control character or escape sequence in them could move the cursor, retitle the window or
 * hide lines. Each control character (C0 but tab, DEL, C1) becomes U+FFFD; newlines too, as one message is one line.
 */
export const printable = (text: string): string => text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, '\ufffd');

export function progress(out: Out, ids: string[], env: Record<string, string | undefined> = process.env): Progress {
  const live = !!out.isTTY && !env.CI && env.TERM !== 'dumb';
  if (!live)
    return {
      update: (id, message) => void out.write(`${printable(id)}: ${printable(message)}\n`),
      done: (id, message) => void out.write(`${printable(id)}: ${printable(message)}\n`),
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
    const text = [...lines].map(([id, m]) => `\x1b[2K${printable(id)}: ${printable(m)}`).join('\n');
    out.write((drawn ? `\x1b[${drawn}F` : '') + text + '\n');
    drawn = lines.size;
  };
  return {
    update: (id, message) => (lines.set(id, message), draw()),
    done: (id, message) => (lines.set(id, message), draw(true)),
    close: () => draw(true),
  };
}
