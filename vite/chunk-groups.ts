// Modules that several chunks share, grouped into a few chunks instead of a dozen small ones: every chunk a dynamic
// import needs is a <link rel=modulepreload> that Vite's helper appends from script, and on a phone appending the 17
// links the app chunk's import needed was a 30-40 ms task right after the first paint. Our own modules are split by
// whether they reach @ton/* (the chain code, `shared-chain`) or not (`shared`), so `main` (React and the static shell)
// still evaluates without @ton/core; React, React Query and zustand go to `vendor`. The entry's own modules stay out,
// so index.html preloads nothing. Groups take no dependencies along: that moved recharts' into the first load.
import type { Plugin } from 'vite';

const NODE_MODULES = /[\\/]node_modules[\\/]/;
const TON_PACKAGE = /[\\/]node_modules[\\/]@ton[\\/]/;
const OUR_CODE = /[\\/](src|contracts)[\\/]/;
// the entry's own modules, and the SHA-256 @ton/core imports (ton-crypto-plugin.ts), which stays in @ton/core's chunk
const UNGROUPED = /[\\/]src[\\/](boot\.ts|app[\\/]shell-markers\.ts|ton[\\/]crypto[\\/])/;
const VENDOR = /[\\/]node_modules[\\/](react|react-dom|scheduler|zustand|@tanstack|use-sync-external-store)[\\/]/;

export interface ModuleGraph {
  ids(): Iterable<string>;
  imports(id: string): readonly string[];
}

/** The modules that statically import an @ton/* package, directly or through others (walked back from the packages). */
export function modulesReachingTon(graph: ModuleGraph): Set<string> {
  const importers = new Map<string, string[]>();
  for (const id of graph.ids()) {
    for (const imported of graph.imports(id)) {
      const list = importers.get(imported);
      if (list) list.push(id);
      else importers.set(imported, [id]);
    }
  }
  const reaching = new Set<string>();
  const pending = [...importers.keys()].filter((id) => TON_PACKAGE.test(id));
  while (pending.length > 0) {
    for (const importer of importers.get(pending.pop() as string) ?? []) {
      if (reaching.has(importer) || TON_PACKAGE.test(importer)) continue;
      reaching.add(importer);
      pending.push(importer);
    }
  }
  return reaching;
}

/** The group a module belongs to, or null for rolldown's own chunking. */
export function chunkGroup(id: string, reachingTon: ReadonlySet<string>): 'shared' | 'shared-chain' | 'vendor' | null {
  if (VENDOR.test(id)) return 'vendor';
  if (NODE_MODULES.test(id) || !OUR_CODE.test(id) || UNGROUPED.test(id)) return null;
  return reachingTon.has(id) ? 'shared-chain' : 'shared';
}

/** A plugin that learns the module graph, and the codeSplitting option whose groups use it. */
export function chunkGroups() {
  let reachingTon = new Set<string>();
  const plugin: Plugin = {
    name: 'lst:chunk-groups',
    apply: 'build',
    buildEnd() {
      reachingTon = modulesReachingTon({
        ids: () => this.getModuleIds(),
        imports: (id) => this.getModuleInfo(id)?.importedIds ?? [],
      });
    },
  };
  const group = (name: 'shared' | 'shared-chain' | 'vendor') => ({
    name,
    test: (id: string) => chunkGroup(id, reachingTon) === name,
    minShareCount: 2,
    includeDependenciesRecursively: false,
  });
  return { plugin, codeSplitting: { groups: [group('vendor'), group('shared'), group('shared-chain')] } };
}
