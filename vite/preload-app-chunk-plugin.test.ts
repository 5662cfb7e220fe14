import { describe, expect, it } from 'vitest';
import { chunksToPreload } from './preload-app-chunk-plugin';

const chunk = (fileName: string, facadeModuleId: string | null, imports: string[] = []) => ({ type: 'chunk' as const, fileName, facadeModuleId, imports });

describe('chunksToPreload', () => {
  const bundle = {
    'index.js': chunk('index.js', '/repo/index.html', ['react.js']),
    'react.js': chunk('react.js', null),
    'root.js': chunk('root.js', '/repo/src/app/root.tsx', ['react.js', 'tonconnect.js']),
    'tonconnect.js': chunk('tonconnect.js', null, ['nacl.js', 'react.js']),
    'nacl.js': chunk('nacl.js', null),
    'charts.js': chunk('charts.js', '/repo/src/features/rounds/round-charts.tsx', ['react.js']),
    'style.css': { type: 'asset' as const },
  };

  it('lists the app chunk and its static imports, skipping what the entry loads and unrelated lazy chunks', () => {
    expect(chunksToPreload(bundle, 'src/app/root.tsx', new Set(['index.js', 'react.js']))).toEqual(['root.js', 'tonconnect.js', 'nacl.js']);
  });

  it('preloads nothing when the module is not a chunk of its own (e.g. inlined into the entry)', () => {
    expect(chunksToPreload(bundle, 'src/app/missing.tsx', new Set(['index.js']))).toEqual([]);
  });
});
