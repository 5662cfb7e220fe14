// Strict sequential reader of a get-method stack, shared by the wrappers (sandbox stacks), the devnet and the app
// (toncenter stacks parsed by src/ton/stack.ts). It takes @ton/core TupleItems: cells, slices and builders all
// read as cells, and a null inside a tuple may come back from tonlib as an empty list. Every mismatch names the
// position and what was found, and `end()` makes a layout drift fail loudly instead of shifting fields.
import { Address, type Cell, type TupleItem } from '@ton/core';

export class StackReader {
  private index = 0;

  constructor(
    private readonly items: readonly TupleItem[],
    private readonly label = 'stack',
  ) {}

  get remaining(): number {
    return this.items.length - this.index;
  }

  private next(expected: string): TupleItem {
    if (this.index >= this.items.length) throw new Error(`${this.label}: expected ${expected} at #${this.index + 1}, stack ended`);
    return this.items[this.index++];
  }

  private mismatch(expected: string, found: TupleItem): never {
    throw new Error(`${this.label}: expected ${expected} at #${this.index}, found ${found.type}`);
  }

  /** Steps over a cell the caller does not need without touching its contents (an app stack parses it only on read). */
  skipCell(): void {
    const item = this.next('cell');
    if (item.type !== 'cell' && item.type !== 'slice' && item.type !== 'builder') this.mismatch('cell', item);
  }

  readBigInt(): bigint {
    const item = this.next('int');
    return item.type === 'int' ? item.value : this.mismatch('int', item);
  }

  readNumber(): number {
    return Number(this.readBigInt());
  }

  /** TVM booleans are -1 / 0; any non-zero reads as true. */
  readBool(): boolean {
    return this.readBigInt() !== 0n;
  }

  readCell(): Cell {
    const item = this.next('cell');
    return item.type === 'cell' || item.type === 'slice' || item.type === 'builder' ? item.cell : this.mismatch('cell', item);
  }

  /** Null, or an empty list: tonlib has no null entry and reports a TVM null inside a tuple as an empty list. */
  readCellOrNull(): Cell | null {
    const item = this.next('cell or null');
    if (item.type === 'null' || (item.type === 'tuple' && item.items.length === 0)) return null;
    return item.type === 'cell' || item.type === 'slice' || item.type === 'builder' ? item.cell : this.mismatch('cell or null', item);
  }

  /** Internal address; null for addr_none or a null entry. */
  readAddressOrNull(): Address | null {
    const cell = this.readCellOrNull();
    if (!cell) return null;
    const address = cell.beginParse().loadAddressAny();
    if (address === null) return null;
    if (!Address.isAddress(address)) throw new Error(`${this.label}: expected an internal address at #${this.index}`);
    return address;
  }

  readAddress(): Address {
    const address = this.readAddressOrNull();
    if (!address) throw new Error(`${this.label}: expected an address at #${this.index}, found addr_none`);
    return address;
  }

  readTuple(label = `${this.label}#${this.index + 1}`): StackReader {
    const item = this.next('tuple');
    return item.type === 'tuple' ? new StackReader(item.items, label) : this.mismatch('tuple', item);
  }

  /** Asserts the whole stack was consumed. */
  end(): void {
    if (this.remaining !== 0) throw new Error(`${this.label}: ${this.remaining} unexpected trailing entries`);
  }
}
