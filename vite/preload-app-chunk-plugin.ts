// main.tsx paints a static shell and then imports the app chunk (src/app/root.tsx: TON Connect, React Query, the
// dashboard). Without help the browser would only start fetching that chunk after the entry has run; these
// <link rel="modulepreload"> tags let it download in parallel with the entry, without blocking the first paint.
import type { HtmlTagDescriptor, Plugin } from 'vite';

type OutputChunk = { type: 'chunk'; fileName: string; facadeModuleId: string | null; imports: string[] };
type Bundle = Record<string, OutputChunk | { type: 'asset' }>;

/** The chunk built from `moduleSuffix` and everything it imports statically, minus what the entry already loads. */
export function chunksToPreload(bundle: Bundle, moduleSuffix: string, entryFiles: Set<string>): string[] {
  const chunks = Object.values(bundle).filter((item): item is OutputChunk => item.type === 'chunk');
  const start = chunks.find((chunk) => chunk.facadeModuleId?.replaceAll('\\', '/').endsWith(moduleSuffix));
  if (!start) return [];
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const files: string[] = [];
  const visit = (fileName: string) => {
    if (files.includes(fileName) || entryFiles.has(fileName)) return;
    files.push(fileName);
    for (const imported of byFile.get(fileName)?.imports ?? []) visit(imported);
  };
  visit(start.fileName);
  return files;
}

export function preloadAppChunkPlugin(moduleSuffix = 'src/app/root.tsx'): Plugin {
  let base = '/';
  return {
    name: 'lst-preload-app-chunk',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle as Bundle | undefined;
        if (!bundle || !context.chunk) return [];
        const entryFiles = new Set([context.chunk.fileName, ...context.chunk.imports]);
        return chunksToPreload(bundle, moduleSuffix, entryFiles).map(
          (file): HtmlTagDescriptor => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
            injectTo: 'head',
          }),
        );
      },
    },
  };
}
