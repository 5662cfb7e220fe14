// Format tests for the stack parser: the entry shapes are the toncenter v2 / tonlib encodings documented in
// /work/shared/notes/devnet-and-ton-connect.md §4.3. Contract data itself is tested on captured fixtures.
import { Address, beginCell } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { parseStack, StackReader } from './stack';

const address = Address.parse('EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2N');
const addressBoc = beginCell().storeAddress(address).endCell().toBoc().toString('base64');
const noneBoc = beginCell().storeUint(0, 2).endCell().toBoc().toString('base64');

describe('parseStack + StackReader', () => {
  it('parses a cell only when it is read: a skipped one is never parsed, a malformed one fails its reader', () => {
    const notABoc = 'bm90IGEgYm9j'; // base64 of "not a boc"
    const stack = parseStack([
      ['cell', { bytes: notABoc }],
      ['cell', { bytes: addressBoc }],
      ['cell', { bytes: notABoc }],
    ]);
    const reader = new StackReader(stack, 'test');
    reader.skipCell();
    expect(reader.readAddress().equals(address)).toBe(true);
    expect(() => reader.readCell()).toThrow();
    // a skip still checks the entry's type
    expect(() => new StackReader(parseStack([['num', '1']]), 'test').skipCell()).toThrow(/expected cell at #1, found int/);
  });

  it('reads top-level short forms and nested tonlib forms, keeping nulls inside tuples', () => {
    const stack = parseStack([
      ['num', '-0x1'],
      ['cell', { bytes: addressBoc, object: {} }],
      ['null'],
      [
        'tuple',
        {
          '@type': 'tvm.tuple',
          elements: [
            { '@type': 'tvm.stackEntryUnsupported' },
            { '@type': 'tvm.stackEntryNumber', number: { '@type': 'tvm.numberDecimal', number: '-17' } },
            { '@type': 'tvm.stackEntrySlice', slice: { '@type': 'tvm.slice', bytes: noneBoc } },
            { '@type': 'tvm.stackEntryTuple', tuple: { '@type': 'tvm.tuple', elements: [] } },
            { '@type': 'tvm.stackEntryList', list: { '@type': 'tvm.list', elements: [] } },
          ],
        },
      ],
    ]);
    const reader = new StackReader(stack, 'test');
    expect(reader.readBool()).toBe(true);
    expect(reader.readAddress().equals(address)).toBe(true);
    expect(reader.readAddressOrNull()).toBeNull();
    const tuple = reader.readTuple();
    expect(tuple.readCellOrNull()).toBeNull();
    expect(tuple.readBigInt()).toBe(-17n);
    expect(tuple.readAddressOrNull()).toBeNull();
    expect(tuple.readTuple().remaining).toBe(0);
    expect(tuple.readCellOrNull()).toBeNull(); // the devnet and tonlib report a null inside a tuple as an empty list
    tuple.end();
    reader.end();
  });

  it('names the position and the found type on a mismatch', () => {
    const reader = new StackReader(parseStack([['null'], ['num', '1']]), 'pool');
    expect(() => reader.readBigInt()).toThrow('pool: expected int at #1, found null');
    expect(() => reader.end()).toThrow('pool: 1 unexpected trailing entries');
    reader.readBigInt();
    expect(() => reader.readCell()).toThrow('stack ended');
  });

  it('rejects unknown entry tags instead of guessing', () => {
    expect(() => parseStack([['weird', 1]])).toThrow('unsupported entry tag weird');
    expect(() => parseStack([['tuple', { elements: [{ '@type': 'tvm.foo' }] }]])).toThrow('unsupported entry type tvm.foo');
  });
});
