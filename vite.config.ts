import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { cspPlugin } from './vite/csp-plugin.js';
import { previewBasePlugin, tonConnectManifestPlugin } from './vite/tonconnect-manifest-plugin.js';
import { devnetWalletsListPlugin } from './vite/devnet-wallets-list-plugin.js';
import { prerenderShellPlugin } from './vite/prerender-shell-plugin.js';
import { tonCryptoForCorePlugin } from './vite/ton-crypto-plugin.js';

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
      // Modules several chunks share go into two chunks, ours (`shared`) and React/React Query/zustand (`vendor`),
      // instead of a dozen small ones: every chunk a dynamic import needs is a <link rel=modulepreload> that Vite's
      // helper appends from script, and on a phone appending the 17 links the app chunk's import needed was a 30-40 ms
      // task right after the first paint (now 6 links, ~11 ms). The entry's own modules stay out of the groups, so
      // index.html still preloads nothing. Grouped without their dependencies: pulling those in moved recharts' and
      // @ton/core's into the first load.
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'shared',
              test: (id: string) => /[\\/](src|contracts)[\\/]/.test(id) && !/[\\/]node_modules[\\/]|[\\/]src[\\/](boot\.ts|app[\\/]shell-markers\.ts)$/.test(id),
              minShareCount: 2,
              includeDependenciesRecursively: false,
            },
            {
              name: 'vendor',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|zustand|@tanstack|use-sync-external-store)[\\/]/,
              minShareCount: 2,
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
});
