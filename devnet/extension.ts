// How other devnet modules (devnet/protocol: LSt deployment, validator bots…) plug into the server.
import type { DevnetChain } from './chain';
import type { DevWallets } from './dev-wallet';
import type { Logger } from './logger';

export interface ExtensionState {
  /** This extension's persisted JSON value (undefined until first set). */
  get<T>(): T | undefined;
  /** Replaces the value; it is saved with the chain (debounced) and restored on the next start. */
  set(value: unknown): void;
}

export interface DevnetContext {
  chain: DevnetChain;
  devWallets: DevWallets;
  state: ExtensionState;
  logger: Logger;
  /** Base URL of the server (it listens before genesis, answering 503 until startup completes). */
  url: string;
}

export interface DevnetExtension {
  name: string;
  /**
   * Runs once per state dir, the first time the extension is seen (fresh chain, or an old state without it),
   * after the treasury and the default dev wallet exist. May advance time. Drive the sandbox inside
   * `ctx.chain.exclusive(...)` so transactions are indexed and persisted.
   */
  genesis?(ctx: DevnetContext): Promise<void>;
  /** Runs on every start after genesis, before the server listens; returns a stop function. */
  start?(ctx: DevnetContext): Promise<() => void | Promise<void>>;
  /** Fields merged into GET /devnet/config (e.g. pool, jettonMinter, roundSeconds). */
  config?(ctx: DevnetContext): Record<string, unknown>;
}
