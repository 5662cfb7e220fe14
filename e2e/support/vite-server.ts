// A Vite server a spec starts for itself (production.spec's `vite preview`, dev-server.spec's dev server), in its own
// process group so stopping it reaches the node process npx starts.
import { spawn, type ChildProcess } from 'node:child_process';
import { waitForUrl } from '../../scripts/bench-support';

/** Node's environment without the shell's VITE_* (they would override the mode's .env files), plus `extra`. */
export function viteEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITE_')));
  return { ...env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...extra };
}

/** `npx vite <args>`, resolved once `url` answers. */
export async function startVite(args: string[], env: NodeJS.ProcessEnv, url: string): Promise<ChildProcess> {
  const server = spawn('npx', ['vite', ...args], { env, stdio: 'ignore', detached: true });
  await waitForUrl(url, 60_000);
  return server;
}

export function stopVite(server: ChildProcess | undefined): void {
  if (!server?.pid || server.exitCode !== null) return;
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
