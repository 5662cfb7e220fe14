// `npm start`: build the contracts, then run the devnet and the Vite dev server side by side with prefixed output.
// Ctrl-C (or SIGTERM) stops both; the devnet saves its state on the way out. Extra args go to the devnet
// (e.g. `npm start -- --reset`).
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const devnetPort = Number(process.env.DEVNET_PORT ?? 8081);
const vitePort = 5173;
const devnetUrl = `http://127.0.0.1:${devnetPort}`;
const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 10_000;

const colors: Record<string, string> = { build: '35', devnet: '36', vite: '32', start: '33' };
function say(tag: string, line: string) {
  const color = process.stdout.isTTY ? colors[tag] : undefined;
  const label = color ? `\x1b[${color}m[${tag}]\x1b[0m` : `[${tag}]`;
  process.stdout.write(`${label} ${line}\n`);
}

const children = new Map<string, ChildProcess>();
let stopping = false;

function run(tag: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  // Own process group, so stopping reaches grandchildren too (tsx and vite spawn their own node processes).
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) => say(tag, line));
  }
  children.set(tag, child);
  // 'close' (not 'exit') fires after the output pipes drain, so a child's last lines are never lost.
  child.on('close', (code, signal) => {
    children.delete(tag);
    if (stopping || tag === 'build') return;
    say('start', `${tag} exited (${signal ?? `code ${code}`}); stopping everything`);
    void stopAll(code ?? 1);
  });
  return child;
}

function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}

async function stopAll(code: number): Promise<never> {
  stopping = true;
  const waiting = [...children.entries()].map(async ([tag, child]) => {
    const exited = exitCode(child);
    signalGroup(child, 'SIGTERM');
    const timer = setTimeout(() => {
      say('start', `${tag} did not stop in ${STOP_GRACE_MS / 1000} s; killing it`);
      signalGroup(child, 'SIGKILL');
    }, STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  });
  await Promise.all(waiting);
  process.exit(code);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

async function waitForDevnet(): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const response = await fetch(`${devnetUrl}/devnet/config`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the devnet did not answer on ${devnetUrl} within ${READY_TIMEOUT_MS / 1000} s`);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

const began = Date.now();
say('start', 'building contracts…');
const built = await exitCode(run('build', 'npm', ['run', '--silent', 'build:contracts']));
if (built !== 0) {
  say('start', `contract build failed (code ${built})`);
  process.exit(built);
}

run('devnet', bin('tsx'), [join('devnet', 'main.ts'), ...process.argv.slice(2)], {
  DEVNET_PORT: String(devnetPort),
});
try {
  await waitForDevnet();
} catch (error) {
  say('start', String(error instanceof Error ? error.message : error));
  await stopAll(1);
}
run('vite', bin('vite'), ['--port', String(vitePort), '--strictPort'], { VITE_DEVNET_URL: devnetUrl });
say('start', `devnet  ${devnetUrl}  (toncenter API: ${devnetUrl}/jsonRPC)`);
say('start', `app     http://127.0.0.1:${vitePort}/`);
say('start', `ready in ${((Date.now() - began) / 1000).toFixed(1)} s; Ctrl-C stops both`);
