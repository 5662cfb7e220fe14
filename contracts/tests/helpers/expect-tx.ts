// Transaction assertions for Vitest (@ton/test-utils registers its matchers for jest/chai, not Vitest's expect).
import { Address } from '@ton/core';
import { BlockchainTransaction } from '@ton/sandbox';
import { findTransaction, flattenTransaction, FlatTransactionComparable } from '@ton/test-utils';

function describeTx(tx: BlockchainTransaction): string {
  const f = flattenTransaction(tx);
  const op = f.op === undefined ? '-' : `0x${f.op.toString(16)}`;
  return `${f.from?.toString() ?? 'ext'} -> ${f.to?.toString()} op=${op} exit=${f.exitCode} aborted=${f.aborted}`;
}

/** Throws (with every transaction listed) unless one transaction matches. */
export function expectTx(transactions: BlockchainTransaction[], match: FlatTransactionComparable): BlockchainTransaction {
  const found = findTransaction(transactions, match);
  if (!found) {
    const want = JSON.stringify(match, (_k, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Address ? v.toString() : v));
    throw new Error(`no transaction matches ${want}\n` + transactions.map(describeTx).join('\n'));
  }
  return found;
}

/** Throws if any transaction matches. */
export function expectNoTx(transactions: BlockchainTransaction[], match: FlatTransactionComparable): void {
  const found = findTransaction(transactions, match);
  if (found) throw new Error(`unexpected transaction: ${describeTx(found)}`);
}

/** The first matching transaction, or undefined. */
export function findTx(transactions: BlockchainTransaction[], match: FlatTransactionComparable): BlockchainTransaction | undefined {
  return findTransaction(transactions, match);
}
