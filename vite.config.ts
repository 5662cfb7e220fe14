import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { cspPlugin } from './vite/csp-plugin.js';
import { tonConnectManifestPlugin } from './vite/tonconnect-manifest-plugin.js';

export default defineConfig({
  plugins: [react(), tailwindcss(), cspPlugin(), tonConnectManifestPlugin()],
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The app shell is React + TON Connect UI (~215 KB gz), needed at start to restore the wallet session;
    // @ton/* load on the first chain read. Warn only if the shell grows past that.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      // Timing warnings only measure how busy the machine is; keep ineffectiveDynamicImport, which catches
      // @ton/core sneaking back into the shell.
      checks: { bundlerTimings: false },
      // Buffer is imported where it is used (the lazy @ton/* chunks) instead of set globally from the entry chunk.
      transform: { inject: { Buffer: ['buffer', 'Buffer'] } },
    },
  },
});
