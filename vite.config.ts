import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { cspPlugin } from './vite/csp-plugin.js';
import { previewBasePlugin, tonConnectManifestPlugin } from './vite/tonconnect-manifest-plugin.js';
import { devnetWalletsListPlugin } from './vite/devnet-wallets-list-plugin.js';
import { prerenderShellPlugin } from './vite/prerender-shell-plugin.js';
import { tonCryptoForCorePlugin } from './vite/ton-crypto-plugin.js';
import { chunkGroups } from './vite/chunk-groups.js';

// Shared modules in a few chunks (vite/chunk-groups.ts): fewer preload links after the first paint.
const groups = chunkGroups();

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    cspPlugin(),
    tonConnectManifestPlugin(),
    previewBasePlugin(),
    devnetWalletsListPlugin(),
    prerenderShellPlugin(),
    tonCryptoForCorePlugin(),
    groups.plugin,
  ],
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The entry is a tiny boot module; main (React + the static shell, ~72 KB gz) and the app chunk (React Query and
    // the dashboard) load after the prerendered shell has painted, @ton/* on the first chain read, and TON Connect UI
    // (~120 KB gz) when a session is restored or a connect button is reached for. Warn only past TON Connect UI's size.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      // Timing warnings only measure how busy the machine is; keep ineffectiveDynamicImport, which catches
      // @ton/core sneaking back into the shell.
      checks: { bundlerTimings: false },
      // Buffer is imported where it is used (the lazy @ton/* chunks) instead of set globally from the entry chunk.
      transform: { inject: { Buffer: ['buffer', 'Buffer'] } },
      output: { codeSplitting: groups.codeSplitting },
    },
  },
});
