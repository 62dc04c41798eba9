/**
 * Child processes of the consumer tests (npm, tsc, next, node scripts). Each one runs in
 * its own process group, so stopping it also stops what it spawned; every one still
 * running is stopped by `stopAll()` (afterAll) and, failing that, when this process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** The process (group) is killed and the run fails after this long. */
  timeoutMs: number;
}

export interface RunResult {
  readonly code: number | null;
  /** stdout and stderr, interleaved as they came. */
  readonly output: string;
  readonly ms: number;
}

/** Everything printed, for a failure message (the end is what matters). */
export function tail(output: string, chars = 6000): string {
  return output.length > chars ? `…${output.slice(-chars)}` : output;
}

function spawnTracked(command: string, args: readonly string[], options: RunOptions): ChildProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Runs a command to its end; resolves with its exit code and output (rejects only on a timeout or spawn error). */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawnTracked(command, args, options);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(`Timed out after ${options.timeoutMs / 1000} s: ${command} ${args.join(' ')}\n${tail(output)}`));
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

/** Like `run`, but a non-zero exit is a failure that shows the output. */
export async function runOk(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(`Exit code ${result.code}: ${command} ${args.join(' ')} (in ${options.cwd})\n${tail(result.output)}`);
  }
  return result;
}

export interface Started {
  readonly child: ChildProcess;
  output(): string;
  /** SIGTERM to the group, SIGKILL if it has not exited within 10 s. */
  stop(): Promise<void>;
}

/** Starts a long-running process and resolves once its output matches `ready`. */
export function startUntil(command: string, args: readonly string[], ready: RegExp, options: RunOptions): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawnTracked(command, args, options);
    let output = '';
    const started: Started = { child, output: () => output, stop: () => stopProcess(child) };
    const fail = (why: string) => {
      clearTimeout(timer);
      void started.stop();
      reject(new Error(`${why}: ${command} ${args.join(' ')}\n${tail(output)}`));
    };
    const timer = setTimeout(() => fail(`Not ready after ${options.timeoutMs / 1000} s`), options.timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve(started);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (error) => fail(`Could not start (${error.message})`));
    child.once('exit', (code, signal) => {
      if (!ready.test(output)) fail(`Exited (${code ?? signal}) before it was ready`);
    });
  });
}

export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // The exit event cannot be missed: exitCode was checked above, in the same tick.
    const force = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    killGroup(child, 'SIGTERM');
  });
}

/** Stops every process these helpers started that is still running. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map(stopProcess));
}

/** A port that was free a moment ago on 127.0.0.1 (for servers that cannot take port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('No port'))));
    });
  });
}
