import type { Readable, Writable } from 'node:stream';

/** The first line of a stream that is not a terminal (`echo "$PASSWORD" | civic-forms users add`). */
async function firstLine(input: Readable): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** Asks for a line on a terminal without echoing what is typed. */
function hiddenLine(
  input: Readable & { setRawMode(raw: boolean): void },
  output: Writable,
  prompt: string,
): Promise<string> {
  output.write(prompt);
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') return done(new Error('cancelled'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    input.on('data', onData);
  });
}

/**
 * Reads a new password, never from the command line (where `ps` and shell history would keep it):
 * on a terminal, asked twice without echo; otherwise the first line of standard input.
 */
export async function readNewPassword(
  input: Readable & { isTTY?: boolean; setRawMode?(raw: boolean): void } = process.stdin,
  output: Writable = process.stderr,
): Promise<{ password: string } | { problem: string }> {
  if (!input.isTTY || !input.setRawMode) {
    const password = await firstLine(input);
    return password ? { password } : { problem: 'no password on standard input' };
  }
  const terminal = input as Readable & { setRawMode(raw: boolean): void };
  const password = await hiddenLine(terminal, output, 'Password: ');
  const again = await hiddenLine(terminal, output, 'Password again: ');
  return password === again ? { password } : { problem: 'the two passwords are not the same' };
}
