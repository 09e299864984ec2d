import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** Reads all of stdin (a pipe or a file), without the final line break. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Asks on the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

/** The new user's password: from stdin when piped, otherwise prompted twice on the terminal. */
export async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readStdin();
  const first = await askHidden('Password (12+ characters): ');
  const second = await askHidden('Repeat password: ');
  if (first !== second) throw new Error('The passwords do not match');
  return first;
}

/** An existing user's password: from stdin when piped, otherwise prompted once on the terminal. */
export async function readPassword(question = 'Password: '): Promise<string> {
  return process.stdin.isTTY ? askHidden(question) : readStdin();
}
