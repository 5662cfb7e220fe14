// Process and HTTP helpers the bench scripts share.
import { spawn } from 'node:child_process';

/** Runs a command to completion (stderr shown); rejects on a non-zero exit. `env` is the child's whole environment. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))));
  });
}

/** Polls `url` until it answers 2xx (the answer is returned) or `timeoutMs` passes. */
export async function waitForUrl(url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return response;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Approves the request in the Devnet Wallet's sheet (src/dev-wallet/approval-sheet.ts), as the user would. */
export async function approveInDevWallet(page: import('@playwright/test').Page, timeoutMs = 60_000): Promise<void> {
  await page.getByRole('dialog', { name: 'Devnet Wallet: confirm transaction' }).getByRole('button', { name: 'Approve', exact: true }).click({ timeout: timeoutMs });
}
