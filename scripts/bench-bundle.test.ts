import { describe, expect, it } from 'vitest';
import { bundleSizes, initialChunkKeys, medianRun, type BuildManifest } from './bench-bundle';

// The shape Vite writes: the entry imports a shared chunk statically; panels and @ton/* load on demand.
const manifest: BuildManifest = {
  'index.html': {
    file: 'assets/index-a.js',
    isEntry: true,
    imports: ['_jsx-runtime.js'],
    dynamicImports: ['src/stake-panel.tsx'],
    css: ['assets/index-a.css'],
  },
  '_jsx-runtime.js': { file: 'assets/jsx-runtime-b.js', name: 'jsx-runtime' },
  'src/stake-panel.tsx': {
    file: 'assets/stake-panel-c.js',
    name: 'stake-panel',
    isDynamicEntry: true,
    imports: ['_jsx-runtime.js', '_dist-1.js', '_dist-2.js'],
    css: ['assets/stake-panel-c.css'],
  },
  '_dist-1.js': { file: 'assets/dist-1.js', name: 'dist' },
  '_dist-2.js': { file: 'assets/dist-2.js', name: 'dist' },
};

const fakeGzipKb: Record<string, number> = {
  'assets/index-a.js': 100,
  'assets/jsx-runtime-b.js': 4,
  'assets/index-a.css': 6,
  'assets/stake-panel-c.js': 3,
  'assets/stake-panel-c.css': 1,
  'assets/dist-1.js': 50,
  'assets/dist-2.js': 20,
};

describe('bundle sizes from the build manifest', () => {
  it('counts the entry and its static imports as initial, not what only lazy chunks import', () => {
    expect([...initialChunkKeys(manifest)].sort()).toEqual(['_jsx-runtime.js', 'index.html']);
  });

  it('sums initial JS and CSS and lists each lazy chunk, keeping same-named chunks apart', () => {
    expect(bundleSizes(manifest, (file) => fakeGzipKb[file], [])).toEqual({
      initial_js_gzip_kb: 104,
      startup_js_gzip_kb: 104,
      initial_css_gzip_kb: 6,
      chunks: { 'stake-panel': 3, dist: 50, 'dist-2.js': 20 },
    });
  });
});

describe('startup JS', () => {
  it('adds what the entry loads right after the first paint, with its static imports, counted once', () => {
    expect(bundleSizes(manifest, (file) => fakeGzipKb[file], ['src/stake-panel.tsx']).startup_js_gzip_kb).toBe(104 + 3 + 50 + 20);
  });
});

describe('medianRun', () => {
  it('reports the run with the median score, whatever order the runs came in', () => {
    const runs = [{ performance: 91, id: 'a' }, { performance: 62, id: 'b' }, { performance: 88, id: 'c' }];
    expect(medianRun(runs).id).toBe('c');
    expect(medianRun([{ performance: 70 }, { performance: 90 }]).performance).toBe(90);
    expect(() => medianRun([])).toThrow(/no Lighthouse runs/);
  });
});
