// Ports and URLs of the servers Playwright starts for the e2e run (dedicated ports, so a dev's devnet/app can keep running).
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const E2E_DEVNET_PORT = Number(process.env.E2E_DEVNET_PORT ?? 18081);
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 15173);
export const E2E_DEVNET_URL = `http://127.0.0.1:${E2E_DEVNET_PORT}`;
/** A second port of the same devnet (DEVNET_EXTRA_API_PORTS): the other RPC endpoint of the fail-over e2e. */
export const E2E_DEVNET_SECOND_PORT = Number(process.env.E2E_DEVNET_SECOND_PORT ?? E2E_DEVNET_PORT + 100);
export const E2E_DEVNET_SECOND_URL = `http://127.0.0.1:${E2E_DEVNET_SECOND_PORT}`;
export const E2E_APP_URL = `http://127.0.0.1:${E2E_APP_PORT}`;
/** Origin of the testnet-mode production build of e2e/production.spec.ts (it reads the e2e devnet too). */
export const E2E_PROD_PORT = Number(process.env.E2E_PROD_PORT ?? 15174);
export const E2E_PROD_URL = `http://127.0.0.1:${E2E_PROD_PORT}`;
/** Origin of the Vite dev server of e2e/dev-server.spec.ts: what `npm start` serves. */
export const E2E_DEV_PORT = Number(process.env.E2E_DEV_PORT ?? E2E_APP_PORT + 2);
export const E2E_DEV_URL = `http://127.0.0.1:${E2E_DEV_PORT}`;
/** Started with --reset, so every run begins at genesis. */
export const E2E_DEVNET_STATE_DIR =
  process.env.E2E_DEVNET_STATE_DIR ?? join(tmpdir(), `lst-e2e-devnet-${E2E_DEVNET_PORT}`);
/** Where the app is built for `vite preview` (under dist/, which git and eslint ignore); per port, so two runs
 * on one machine (E2E_DEVNET_PORT/E2E_APP_PORT set apart) never serve each other's half-written build. */
export const E2E_APP_OUT_DIR = `dist/e2e-${E2E_APP_PORT}`;
/** The Mini App link the e2e build hands Telegram-hosted wallets to come back to (VITE_TWA_RETURN_URL). */
export const E2E_TWA_RETURN_URL = 'https://t.me/lst_devnet_bot/stake';
