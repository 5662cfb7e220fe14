// The VITE_* variables a build sees: .env, .env.<mode> and .env.local files, overridden by the shell (Vite's rules).
import { loadEnv } from 'vite';

export type BuildEnv = Partial<Record<`VITE_${string}`, string>>;

export function readBuildEnv(mode: string, envDir = process.cwd()): BuildEnv {
  return loadEnv(mode, envDir, 'VITE_') as BuildEnv;
}

/** Testnet and mainnet builds; an unset VITE_NETWORK means devnet, as in src/config/network.ts. */
export function isProductionNetwork(env: BuildEnv): boolean {
  return env.VITE_NETWORK === 'testnet' || env.VITE_NETWORK === 'mainnet';
}
