import { describe, expect, it } from 'vitest';
import { chunkGroup, modulesReachingTon, type ModuleGraph } from './chunk-groups';

const graphOf = (edges: Record<string, string[]>): ModuleGraph => ({
  ids: () => Object.keys(edges),
  imports: (id) => edges[id] ?? [],
});

describe('modulesReachingTon', () => {
  it('finds the modules that reach an @ton/* package directly or through others, cycles included', () => {
    const core = '/repo/node_modules/@ton/core/dist/index.js';
    const reaching = modulesReachingTon(
      graphOf({
        '/repo/src/main.tsx': ['/repo/src/config/network.ts', '/repo/node_modules/react/index.js'],
        '/repo/src/config/network.ts': ['/repo/src/ton/networks.ts'],
        '/repo/src/ton/networks.ts': [],
        // a cycle whose way to @ton/* is through the module the walk may enter it by
        '/repo/src/queries/a.ts': ['/repo/src/queries/b.ts'],
        '/repo/src/queries/b.ts': ['/repo/src/queries/a.ts', '/repo/src/ton/pool.ts'],
        '/repo/src/app/root.tsx': ['/repo/src/ton/pool.ts'],
        '/repo/src/ton/pool.ts': ['/repo/contracts/wrappers/pool-data.ts'],
        '/repo/contracts/wrappers/pool-data.ts': [core, '/repo/src/ton/pool.ts'],
        [core]: [],
        '/repo/node_modules/react/index.js': [],
      }),
    );
    expect([...reaching].sort()).toEqual([
      '/repo/contracts/wrappers/pool-data.ts',
      '/repo/src/app/root.tsx',
      '/repo/src/queries/a.ts',
      '/repo/src/queries/b.ts',
      '/repo/src/ton/pool.ts',
    ]);
  });
});

describe('chunkGroup', () => {
  const reaching = new Set(['/repo/src/ton/pool.ts']);
  it('puts our chain code, our other code and React with its state libraries in separate groups', () => {
    expect(chunkGroup('/repo/src/ton/pool.ts', reaching)).toBe('shared-chain');
    expect(chunkGroup('/repo/src/i18n/messages.ts', reaching)).toBe('shared');
    expect(chunkGroup('/repo/node_modules/react-dom/cjs/react-dom-client.production.js', reaching)).toBe('vendor');
    expect(chunkGroup('/repo/node_modules/@tanstack/query-core/build/modern/query.js', reaching)).toBe('vendor');
  });

  it("leaves the entry's modules, the SHA-256 @ton/core uses, and other packages to rolldown", () => {
    expect(chunkGroup('/repo/src/boot.ts', reaching)).toBeNull();
    expect(chunkGroup('/repo/src/app/shell-markers.ts', reaching)).toBeNull();
    expect(chunkGroup('/repo/src/ton/crypto/ton-crypto-for-core.ts', new Set(['/repo/src/ton/crypto/ton-crypto-for-core.ts']))).toBeNull();
    expect(chunkGroup('/repo/node_modules/@ton/core/dist/index.js', reaching)).toBeNull();
    expect(chunkGroup('/repo/node_modules/recharts/lib/index.js', reaching)).toBeNull();
  });
});
