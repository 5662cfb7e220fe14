// Writes the static shell (src/app/shell.tsx, rendered to HTML at build time) into index.html's #root, and the inline
// first-paint script into <head>, so the page paints before any script has downloaded: on a slow phone the entry
// chunk alone takes a second or more. main.tsx leaves the markup on screen until the live app replaces it.
import react from '@vitejs/plugin-react';
import { createServer, type Plugin, type ResolvedConfig } from 'vite';
import { FIRST_PAINT_SCRIPT } from '../src/app/first-paint.js';
import { PRERENDERED_ATTRIBUTE } from '../src/app/shell-markers.js';

const ROOT_ELEMENT = '<div id="root"></div>';

/**
 * index.html with the first-paint script right after <title> (before the stylesheet, which an inline script would
 * otherwise wait for) and `markup` inside #root.
 */
export function withPrerenderedShell(html: string, markup: string): string {
  if (!html.includes(ROOT_ELEMENT)) throw new Error(`index.html needs an empty ${ROOT_ELEMENT} to prerender into`);
  if (!html.includes('</title>')) throw new Error('index.html needs a <title>');
  return html
    .replace('</title>', `</title>\n    <script>${FIRST_PAINT_SCRIPT}</script>`)
    .replace(ROOT_ELEMENT, `<div id="root"><div ${PRERENDERED_ATTRIBUTE}>${markup}</div></div>`);
}

export function prerenderShellPlugin(entry = '/src/app/prerender-shell.tsx'): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'lst:prerender-shell',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        // A throwaway SSR loader with the build's root, base and mode, so the shell reads the same env as the bundle.
        const server = await createServer({
          configFile: false,
          root: config.root,
          base: config.base,
          mode: config.mode,
          envDir: config.envDir,
          plugins: [react()],
          logLevel: 'error',
          appType: 'custom',
          server: { middlewareMode: true, hmr: false, watch: null },
          optimizeDeps: { noDiscovery: true, include: [] },
        });
        try {
          const module = (await server.ssrLoadModule(entry)) as { renderShell?: () => string };
          if (typeof module.renderShell !== 'function') throw new Error(`${entry} exports no renderShell()`);
          return withPrerenderedShell(html, module.renderShell());
        } finally {
          await server.close();
        }
      },
    },
  };
}
