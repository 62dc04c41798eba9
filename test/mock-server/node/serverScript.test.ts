// @vitest-environment node
/**
 * `npm run server` (scripts/server.mjs) as a user starts it: PARLEY_DEMO_TOKENS=0 turns the
 * demo tokens off, and with them on, an address other machines reach is still refused.
 * The server listens on 127.0.0.1 only; the refused address is never bound.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY } from './helpers';

const SCRIPT = fileURLToPath(new URL('../../../scripts/server.mjs', import.meta.url));
/** A file id nobody stored: a valid token gets 404, a refused one 401. */
const NO_FILE = `/uploads/${'0'.repeat(32)}`;
const running: ChildProcess[] = [];

afterEach(async () => {
  const stopping = running.splice(0).filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(
    stopping.map((child) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      return exited;
    }),
  );
});

interface Started {
  readonly url: string;
  readonly output: () => string;
}

/** Starts the script and resolves with its URL once it listens, or rejects with what it printed when it exits. */
function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [SCRIPT], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PARLEY_ADMIN_KEY: ADMIN_KEY, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const listening = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      // The whole banner is printed at once, ending with the line below.
      if (listening && output.includes('Ctrl+C to stop.')) resolve({ url: listening[1]!, output: () => output });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(Object.assign(new Error(`exited with ${code}`), { code, output })));
  });
}

const download = async (url: string, token: string) => (await fetch(`${url}${NO_FILE}`, { headers: { Authorization: `Bearer ${token}` } })).status;

describe('npm run server', { timeout: 30_000 }, () => {
  it('PARLEY_DEMO_TOKENS=0: <id>-token is refused, a token issued through the admin API works, and the banner lists no demo tokens', async () => {
    const { url, output } = await start({ PARLEY_DEMO_TOKENS: '0' });
    expect(await download(url, 'alice-token')).toBe(401);
    const issued = await fetch(`${url}/admin/users/alice/tokens`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_KEY}` } });
    expect(issued.status).toBe(201);
    const { token } = (await issued.json()) as { token: string };
    expect(await download(url, token)).toBe(404);
    expect(output()).not.toContain('alice-token');
    expect(output()).toContain('demo tokens: off');
  });

  it('by default the demo tokens work (on a loopback bind)', async () => {
    const { url, output } = await start({});
    expect(await download(url, 'alice-token')).toBe(404);
    expect(output()).toContain('alice-token');
  });

  it('with demo tokens on, a HOST other machines reach is refused before anything is bound', async () => {
    // A documentation address (TEST-NET-1): never bound, the refusal comes first.
    await expect(start({ HOST: '192.0.2.1' })).rejects.toMatchObject({
      code: 1,
      output: expect.stringContaining('demo tokens (<id>-token) would let anyone sign in as anyone'),
    });
  });

  it('refuses a PARLEY_DEMO_TOKENS it does not understand, rather than guessing', async () => {
    await expect(start({ PARLEY_DEMO_TOKENS: 'no' })).rejects.toMatchObject({ code: 1, output: expect.stringContaining('PARLEY_DEMO_TOKENS must be 0 or 1') });
  });
});
