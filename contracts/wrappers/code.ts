// Loads compiled contract code produced by `npm run build:contracts` (contracts/build.ts).
import { Cell } from '@ton/core';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const buildDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
const cache = new Map<string, Cell>();

/** Code cell of contracts/<name>.tolk; throws with a hint when the build is missing. */
export function loadCode(name: string): Cell {
  let code = cache.get(name);
  if (!code) {
    let json: { codeBoc64: string };
    try {
      json = JSON.parse(readFileSync(join(buildDir, `${name}.json`), 'utf8'));
    } catch {
      throw new Error(`contracts/build/${name}.json is missing: run \`npm run build:contracts\``);
    }
    code = Cell.fromBase64(json.codeBoc64);
    cache.set(name, code);
  }
  return code;
}
