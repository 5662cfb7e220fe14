// Compiles every contracts/*.tolk entry point with @ton/tolk-js into contracts/build/<name>.json.
// Shared code lives in contracts/imports/ and is not compiled on its own.
// The pool's two releases share one body: an entry point may swap an import for another file (IMPORT_SWAPS),
// which is how pool-v1.tolk gets POOL_V2 = false from the same sources as pool.tolk.
import { runTolkCompiler } from '@ton/tolk-js';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const contractsDir = dirname(fileURLToPath(import.meta.url));
const buildDir = join(contractsDir, 'build');

/** Per entry point: imported path -> the file read instead. */
export const IMPORT_SWAPS: Record<string, Record<string, string>> = {
  'pool-v1.tolk': { 'imports/pool-version.tolk': 'imports/pool-version-v1.tolk' },
};

export async function compileContract(entry: string): Promise<{ codeBoc64: string; codeHashHex: string }> {
  const swaps = IMPORT_SWAPS[entry] ?? {};
  const result = await runTolkCompiler({
    entrypointFileName: entry,
    fsReadCallback: (path: string) => readFileSync(resolve(contractsDir, swaps[path] ?? path), 'utf8'),
    optimizationLevel: 2,
  });
  if (result.status === 'error') throw new Error(`${entry}: ${result.message}`);
  return { codeBoc64: result.codeBoc64, codeHashHex: result.codeHashHex };
}

async function main() {
  mkdirSync(buildDir, { recursive: true });
  const entries = readdirSync(contractsDir).filter((f) => f.endsWith('.tolk'));
  const started = Date.now();
  for (const entry of entries) {
    const name = entry.replace(/\.tolk$/, '');
    const out = join(buildDir, `${name}.json`);
    // Skip when the output is newer than every source (sources include shared imports).
    const sources = [entry, ...readdirSync(join(contractsDir, 'imports')).map((f) => join('imports', f))];
    if (existsSync(out)) {
      const outTime = statSync(out).mtimeMs;
      if (sources.every((s) => statSync(join(contractsDir, s)).mtimeMs < outTime)) continue;
    }
    const compiled = await compileContract(entry);
    writeFileSync(out, JSON.stringify({ name, ...compiled }, null, 2) + '\n');
    console.log(`compiled ${entry} (${compiled.codeHashHex.slice(0, 12)}…)`);
  }
  console.log(`contracts ready in ${Date.now() - started} ms (${entries.length} entry points)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
