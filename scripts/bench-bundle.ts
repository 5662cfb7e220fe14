// `npm run bench:bundle`: the production bundle's gzip sizes and Lighthouse runs (desktop and mobile presets) against it.
// Builds the testnet mode into a temp dir with its RPC endpoint and pool pointed at a devnet this script starts, so
// Lighthouse measures the exact code users get (no Devnet Wallet, CSP on) reading a live pool, offline.
// Prints one JSON object. Flags: --no-lighthouse (sizes only, no devnet). Budget: initial JS <= 180 KB gzip.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { run, waitForUrl } from './bench-support';

export const INITIAL_JS_BUDGET_KB = 180;
const DEVNET_PORT = Number(process.env.BENCH_DEVNET_PORT ?? 18281);
const PREVIEW_PORT = Number(process.env.BENCH_PREVIEW_PORT ?? 15281);
/** Lighthouse runs per bench (BENCH_LIGHTHOUSE_RUNS); the median one is reported. */
const LIGHTHOUSE_RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3));
/** Which presets to run (BENCH_LIGHTHOUSE_PRESETS=mobile while working on one); both by default. */
const LIGHTHOUSE_PRESETS = (process.env.BENCH_LIGHTHOUSE_PRESETS ?? 'desktop,mobile').split(',');
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** One entry of Vite's build manifest (build.manifest: true → .vite/manifest.json). */
export interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type BuildManifest = Record<string, ManifestChunk>;

/** What boot.ts loads right after the first paint: the app is live once these and their static imports are in. */
export const STARTUP_MODULES = ['src/main.tsx', 'src/app/root.tsx'];

export interface BundleSizes {
  initial_js_gzip_kb: number;
  /** Initial JS plus the startup modules and their static imports: what a visitor downloads before the app is live. */
  startup_js_gzip_kb: number;
  initial_css_gzip_kb: number;
  /** Everything not loaded at start: chunk name → gzip KB. */
  chunks: Record<string, number>;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** The entry chunk plus every chunk it imports statically (the browser loads these before first render). */
export function initialChunkKeys(manifest: BuildManifest, roots: string[] = []): Set<string> {
  const initial = new Set<string>();
  const visit = (key: string) => {
    if (initial.has(key) || !manifest[key]) return;
    initial.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  for (const root of roots) visit(root);
  return initial;
}

/** Sizes from a manifest, with `gzipKb(file)` reading and compressing one emitted file. */
export function bundleSizes(manifest: BuildManifest, gzipKb: (file: string) => number, startupModules: string[] = STARTUP_MODULES): BundleSizes {
  const initial = initialChunkKeys(manifest);
  const startupJs = new Set([...initialChunkKeys(manifest, startupModules)].map((key) => manifest[key].file).filter((file) => file.endsWith('.js')));
  const initialJs = new Set<string>();
  const initialCss = new Set<string>();
  for (const key of initial) {
    const chunk = manifest[key];
    if (chunk.file.endsWith('.js')) initialJs.add(chunk.file);
    for (const css of chunk.css ?? []) initialCss.add(css);
  }
  const chunks: Record<string, number> = {};
  for (const [key, chunk] of Object.entries(manifest)) {
    if (initial.has(key) || !chunk.file.endsWith('.js')) continue;
    // Names repeat (two chunks both called "dist"): the file name keeps them apart.
    const name = chunk.name && !(chunk.name in chunks) ? chunk.name : chunk.file.replace(/^assets\//, '');
    chunks[name] = gzipKb(chunk.file);
  }
  const sum = (files: Set<string>) =>
    Math.round([...files].reduce((total, file) => total + gzipKb(file), 0) * 10) / 10;
  return { initial_js_gzip_kb: sum(initialJs), startup_js_gzip_kb: sum(startupJs), initial_css_gzip_kb: sum(initialCss), chunks };
}

/** Stops a detached child and everything it started (npx → node), and waits until it has exited. */
async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM'); // its own process group
  } catch {
    child.kill('SIGTERM');
  }
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  // npx exits at once; the node it started may still be shutting down (the devnet saves its state then).
  for (let waited = 0; waited < 10_000 && groupAlive(child.pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function groupAlive(groupId: number): boolean {
  try {
    process.kill(-groupId, 0);
    return true;
  } catch {
    return false;
  }
}

/** The environment without the shell's VITE_* (they would override .env.testnet) plus `extra`. */
function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITE_')));
  return { ...env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...extra };
}

interface LighthouseFigures {
  performance: number;
  lcp_ms: number;
  tbt_ms: number;
  cls: number;
  fcp_ms: number;
  /** The elements that moved most (Lighthouse's layout-shifts audit), to know where CLS comes from. */
  cls_sources: string[];
  /** The main-thread tasks over 50 ms (what TBT adds up), with the script they are attributed to. */
  long_tasks: string[];
  /** The element Lighthouse took for the largest contentful paint. */
  lcp_element: string | null;
}

function longTasks(details: unknown): string[] {
  const items = (details as { items?: { url?: string; duration?: number; startTime?: number }[] })?.items;
  return (items ?? [])
    .slice(0, 8)
    .map((item) => `${Math.round(item.duration ?? 0)} ms at ${Math.round(item.startTime ?? 0)} ms: ${(item.url ?? '?').replace(/^https?:\/\/[^/]+/, '')}`);
}

/** From the lcp-breakdown-insight audit: a list whose node item is the LCP element. */
function lcpElement(details: unknown): string | null {
  type Item = { type?: string; selector?: string; nodeLabel?: string };
  const node = (details as { items?: Item[] })?.items?.find((item) => item.type === 'node');
  return node ? `${node.selector ?? '?'} (${(node.nodeLabel ?? '').slice(0, 60)})` : null;
}

function layoutShiftSources(details: unknown): string[] {
  const items = (
    details as { items?: { node?: { selector?: string; nodeLabel?: string }; score?: number }[] }
  )?.items;
  return (items ?? [])
    .slice(0, 5)
    .map(
      (item) =>
        `${item.node?.selector ?? '?'} (${item.node?.nodeLabel ?? ''}): ${item.score?.toFixed(3) ?? '?'}`,
    );
}

/** Issue 13's targets on the mobile preset. */
export const MOBILE_TARGETS = { performance_min: 95, lcp_ms_max: 1800, tbt_ms_max: 150, cls_max: 0.05 } as const;

export function withinMobileTargets(figures: Pick<LighthouseFigures, 'performance' | 'lcp_ms' | 'tbt_ms' | 'cls'>): boolean {
  return (
    figures.performance >= MOBILE_TARGETS.performance_min &&
    figures.lcp_ms <= MOBILE_TARGETS.lcp_ms_max &&
    figures.tbt_ms <= MOBILE_TARGETS.tbt_ms_max &&
    figures.cls <= MOBILE_TARGETS.cls_max
  );
}

/** One run in a line, for telling a slow first paint from a busy main thread across runs. */
export function runMetrics(run: Pick<LighthouseFigures, 'performance' | 'fcp_ms' | 'lcp_ms' | 'tbt_ms'>): string {
  return `${run.performance}: FCP ${run.fcp_ms} ms, LCP ${run.lcp_ms} ms, TBT ${run.tbt_ms} ms`;
}

/** The run with the median performance score (the upper one of an even count). */
export function medianRun<T extends { performance: number }>(runs: T[]): T {
  if (runs.length === 0) throw new Error('no Lighthouse runs');
  return [...runs].sort((a, b) => a.performance - b.performance)[Math.floor(runs.length / 2)];
}

/** Lighthouse's desktop preset, or its default mobile preset (a mid-range phone: 4x CPU slowdown, slow 4G, simulated). */
type LighthousePreset = 'desktop' | 'mobile';

async function runLighthouse(url: string, preset: LighthousePreset): Promise<LighthouseFigures> {
  const { launch } = await import('chrome-launcher');
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const chrome = await launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error('Lighthouse returned no result');
    // The whole report, for digging into a figure (BENCH_LIGHTHOUSE_REPORT=path).
    if (process.env.BENCH_LIGHTHOUSE_REPORT) writeFileSync(process.env.BENCH_LIGHTHOUSE_REPORT, JSON.stringify(result.lhr));
    const { categories, audits } = result.lhr;
    const numeric = (id: string) => audits[id]?.numericValue ?? Number.NaN;
    return {
      performance: Math.round((categories.performance?.score ?? 0) * 100),
      lcp_ms: Math.round(numeric('largest-contentful-paint')),
      tbt_ms: Math.round(numeric('total-blocking-time')),
      cls: Math.round(numeric('cumulative-layout-shift') * 1000) / 1000,
      fcp_ms: Math.round(numeric('first-contentful-paint')),
      cls_sources: layoutShiftSources(audits['layout-shifts']?.details),
      long_tasks: longTasks(audits['long-tasks']?.details),
      lcp_element: lcpElement(audits['lcp-breakdown-insight']?.details),
    };
  } finally {
    chrome.kill();
  }
}

async function main(): Promise<void> {
  const withLighthouse = !process.argv.includes('--no-lighthouse');
  const outDir = mkdtempSync(join(tmpdir(), 'lst-bench-bundle-'));
  const stateDir = mkdtempSync(join(tmpdir(), 'lst-bench-devnet-'));
  const previewOrigin = `http://127.0.0.1:${PREVIEW_PORT}`;
  let devnet: ChildProcess | undefined;
  let preview: ChildProcess | undefined;
  try {
    const extraEnv: Record<string, string> = { VITE_APP_URL: previewOrigin };
    if (withLighthouse) {
      const devnetUrl = `http://127.0.0.1:${DEVNET_PORT}`;
      devnet = spawn('npx', ['tsx', 'devnet/main.ts', '--reset'], {
        env: {
          ...process.env,
          DEVNET_PORT: String(DEVNET_PORT),
          DEVNET_STATE_DIR: stateDir,
          DEVNET_HISTORY_ROUNDS: '2',
          DEVNET_ALLOWED_ORIGINS: previewOrigin,
        },
        stdio: 'ignore',
        detached: true,
      });
      const config = (await (await waitForUrl(`${devnetUrl}/devnet/config`, 180_000)).json()) as {
        pool?: string;
      };
      if (!config.pool) throw new Error('the devnet has no pool');
      Object.assign(extraEnv, { VITE_TON_ENDPOINT: `${devnetUrl}/jsonRPC`, VITE_POOL_ADDRESS: config.pool });
    }

    await run(
      'npx',
      [
        'vite',
        'build',
        '--mode',
        'testnet',
        '--outDir',
        outDir,
        '--emptyOutDir',
        '--manifest',
        '--logLevel',
        'error',
      ],
      buildEnv(extraEnv),
    );
    const manifestPath = join(outDir, '.vite', 'manifest.json');
    if (!existsSync(manifestPath)) throw new Error(`no build manifest at ${manifestPath}`);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BuildManifest;
    const sizes = bundleSizes(manifest, (file) =>
      kb(gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length),
    );

    let lighthouse: LighthouseFigures | null = null;
    let lighthouseScores: number[] = [];
    let lighthouseMobile: LighthouseFigures | null = null;
    let lighthouseMobileScores: number[] = [];
    let lighthouseMobileMetrics: string[] = [];
    if (withLighthouse) {
      preview = spawn(
        'npx',
        [
          'vite',
          'preview',
          '--mode',
          'testnet',
          '--outDir',
          outDir,
          '--port',
          String(PREVIEW_PORT),
          '--strictPort',
        ],
        { env: buildEnv(extraEnv), stdio: 'ignore', detached: true },
      );
      await waitForUrl(previewOrigin, 60_000);
      // Lighthouse's own advice for noisy machines: several runs, report the median (by score); all scores are listed.
      const runPreset = async (preset: LighthousePreset) => {
        const runs: LighthouseFigures[] = [];
        for (let run = 0; run < LIGHTHOUSE_RUNS; run++) runs.push(await runLighthouse(`${previewOrigin}/`, preset));
        return { median: medianRun(runs), scores: runs.map((run) => run.performance), metrics: runs.map(runMetrics) };
      };
      if (LIGHTHOUSE_PRESETS.includes('desktop')) ({ median: lighthouse, scores: lighthouseScores } = await runPreset('desktop'));
      if (LIGHTHOUSE_PRESETS.includes('mobile')) {
        ({ median: lighthouseMobile, scores: lighthouseMobileScores, metrics: lighthouseMobileMetrics } = await runPreset('mobile'));
      }
    }

    const result = {
      bench: 'production bundle (testnet mode): gzip sizes, Lighthouse desktop and mobile',
      ...sizes,
      initial_js_budget_kb: INITIAL_JS_BUDGET_KB,
      initial_js_within_budget: sizes.initial_js_gzip_kb <= INITIAL_JS_BUDGET_KB,
      lighthouse,
      lighthouse_runs: lighthouseScores,
      lighthouse_mobile: lighthouseMobile,
      lighthouse_mobile_runs: lighthouseMobileScores,
      lighthouse_mobile_run_metrics: lighthouseMobileMetrics,
      lighthouse_mobile_targets: MOBILE_TARGETS,
      lighthouse_mobile_within_targets: lighthouseMobile ? withinMobileTargets(lighthouseMobile) : null,
      // Lighthouse's TBT and score swing with whatever else runs on the machine; this says how busy it was.
      load_average_1m: Math.round(loadavg()[0] * 10) / 10,
      lighthouse_target: withLighthouse
        ? 'testnet build, VITE_TON_ENDPOINT and VITE_POOL_ADDRESS from a local devnet, served by vite preview'
        : null,
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await stop(preview);
    // The devnet saves its state on shutdown: remove the directory only once it has exited.
    await stop(devnet);
    rmSync(outDir, { recursive: true, force: true });
    rmSync(stateDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
