// `npm run bench:gas [-- --pool v1|v2]` (default v2): gas and TON cost of each staker operation on our pool, next to the
// reference LSt v1 figures (issue 17), as one JSON object on stdout. Needs `npm run build:contracts` first.
import { Cell } from '@ton/core';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  GAS_OPERATIONS,
  GasOperation,
  measurePoolGas,
  REFERENCE_GAS,
  REFERENCE_POOL_TX_GAS,
  TARGET_SHARE_OF_REFERENCE,
} from '../contracts/tests/helpers/gas-ops';
import type { BuiltPoolVersion } from '../contracts/wrappers/Pool';

const buildDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'contracts', 'build');
const VERSION_BY_ENTRIES: Record<number, string> = { 30: 'v1', 32: 'v1.5', 34: 'v2' };
/** Our two pool builds: contracts/pool.tolk (v2) and contracts/pool-v1.tolk (v1). */
const BUILD_BY_VERSION: Record<BuiltPoolVersion, string> = { v1: 'pool-v1', v2: 'pool' };

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const wanted = argValue('--pool') ?? 'v2';
  if (wanted !== 'v1' && wanted !== 'v2') throw new Error(`--pool ${wanted}: expected v1 or v2`);
  const name = BUILD_BY_VERSION[wanted];
  const file = join(buildDir, `${name}.json`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build:contracts`);
  const json = JSON.parse(readFileSync(file, 'utf8')) as { codeBoc64: string; codeHashHex: string };
  const report = await measurePoolGas({ poolVersion: wanted, poolCode: Cell.fromBase64(json.codeBoc64) });
  // the deployed pool's own getter says which release it is; a mismatch means a wrong build, not a figure to print
  const version = VERSION_BY_ENTRIES[report.fullDataEntries] ?? `unknown (${report.fullDataEntries} entries)`;
  if (version !== wanted) throw new Error(`contracts/build/${name}.json answers as ${version}, not ${wanted}`);
  {
    const map = <T>(f: (op: GasOperation) => T) =>
      Object.fromEntries(GAS_OPERATIONS.map((op) => [op, f(op)])) as Record<GasOperation, T>;
    const ops = report.operations;
    console.log(
      JSON.stringify(
        {
          pool: { version, build: `contracts/build/${name}.json`, code_hash: json.codeHashHex },
          unit: 'nanoTON the user is out of pocket per operation (top-level operation keys)',
          ...map((op) => Number(ops[op].userSpends)),
          attach: map((op) => Number(ops[op].attach)),
          gas_units: map((op) => ops[op].gas),
          pool_tx_gas: map((op) => ops[op].poolTxGas),
          gas_price_nton: report.gasPriceNton,
          reference: {
            source:
              'measured facts quoted from issue 17: reference LSt v1 (FunC, library wallet code) in @ton/sandbox 0.41, same messages',
            gas_units: REFERENCE_GAS,
            pool_tx_gas: REFERENCE_POOL_TX_GAS,
          },
          ratio_to_reference: map((op) => Math.round((ops[op].gas / REFERENCE_GAS[op]) * 1000) / 1000),
          target: map((op) => Math.floor(REFERENCE_GAS[op] * TARGET_SHARE_OF_REFERENCE)),
          within_target: map((op) => ops[op].gas <= REFERENCE_GAS[op] * TARGET_SHARE_OF_REFERENCE),
          notes: [
            'gas_units: compute gas summed over the whole transaction tree, from the user wallet transaction to the last notification',
            'steady state: the user jetton wallet and the round payout collection already exist',
            'deposit_*: TON spent beyond the deposited amount; deposit_pessimistic and withdraw_bill include the 0.09 TON the bill keeps until payout',
            'withdraw_immediate: value of the burned pTON at the pool rate minus the TON received',
            'bill_payout: gas of one more withdrawal bill at round end; its TON is what the bill owner received short of value + reserve (negative = more)',
            'rotation_empty: a touch that rotates the round with nothing to pay (not a staker operation; no target in the issue)',
          ],
        },
        null,
        2,
      ),
    );
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
