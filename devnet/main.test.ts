// `npm run devnet` refuses bad protocol settings at start: a clear message naming the variable, exit code 2, and
// nothing bound or written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm run devnet', () => {
  it('refuses a bad DEVNET_INSTANT_WITHDRAWAL_FEE with a message naming it, before touching any state', () => {
    const parent = mkdtempSync(join(tmpdir(), 'lst-devnet-main-'));
    const stateDir = join(parent, 'state');
    try {
      for (const bad of ['0.25', '75%']) {
        const run = spawnSync(process.execPath, ['--import', 'tsx', 'devnet/main.ts', '--reset'], {
          env: { ...process.env, DEVNET_PORT: '0', DEVNET_STATE_DIR: stateDir, DEVNET_INSTANT_WITHDRAWAL_FEE: bad },
          encoding: 'utf8',
          timeout: 60_000,
        });
        expect(run.status, run.stderr).toBe(2);
        const output = run.stdout + run.stderr;
        expect(output).toContain(`DEVNET_INSTANT_WITHDRAWAL_FEE="${bad}": expected a share of 2^24`);
        expect(output).not.toMatch(/ready in|fresh chain/);
        expect(existsSync(stateDir)).toBe(false);
      }
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
