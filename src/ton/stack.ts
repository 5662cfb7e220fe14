// Deliberate parser for toncenter v2 get-method stacks. Top-level entries use the short form
// (["num","0x1f"], ["cell",{bytes}], ["tuple",{elements}] …); entries inside tuples use tonlib's typed form
// ({"@type":"tvm.stackEntryNumber", …}). TonClient flattens the latter to raw values and rejects nulls,
// so the readers here keep the structure and say exactly what was expected when it does not match.
import { Cell } from '@ton/core';

export type StackValue =
  | { type: 'int'; value: bigint }
  | { type: 'null' }
  | { type: 'cell'; cell: Cell; kind: 'cell' | 'slice' | 'builder' }
  | { type: 'tuple'; items: StackValue[] };

function parseNumber(text: string): bigint {
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const value = BigInt(digits); // accepts "123" and "0x7b"
  return negative ? -value : value;
}

/**
 * A cell entry whose BOC is parsed when it is first read: Cell.fromBase64 hashes every cell in JS, and getters
 * return cells nobody reads (get_pool_full_data's controller and payout code are 80 of its ~90 cells, on every poll).
 * Malformed bytes therefore throw when read, from the reader that wanted them.
 */
function cellEntry(bytes: unknown, kind: 'cell' | 'slice' | 'builder'): StackValue {
  if (typeof bytes !== 'string') throw new Error('stack: cell entry without base64 bytes');
  let cell: Cell | undefined;
  return {
    type: 'cell',
    kind,
    get cell(): Cell {
      cell ??= Cell.fromBase64(bytes);
      return cell;
    },
  };
}

function parseTyped(entry: Record<string, unknown>): StackValue {
  const type = entry['@type'];
  const inner = (key: string) => entry[key] as Record<string, unknown>;
  switch (type) {
    case 'tvm.stackEntryNumber':
      return parseTyped(inner('number'));
    case 'tvm.numberDecimal':
      return { type: 'int', value: parseNumber(String(entry.number)) };
    case 'tvm.stackEntryCell':
      return cellEntry(inner('cell').bytes, 'cell');
    case 'tvm.stackEntrySlice':
      return cellEntry(inner('slice').bytes, 'slice');
    case 'tvm.cell':
      return cellEntry(entry.bytes, 'cell');
    case 'tvm.slice':
      return cellEntry(entry.bytes, 'slice');
    case 'tvm.stackEntryTuple':
      return parseTyped(inner('tuple'));
    case 'tvm.stackEntryList':
      return parseTyped(inner('list'));
    case 'tvm.tuple':
    case 'tvm.list':
      return { type: 'tuple', items: (entry.elements as Record<string, unknown>[]).map(parseTyped) };
    // tonlib has no null entry: a TVM null inside a tuple comes back as "unsupported".
    case 'tvm.stackEntryNull':
    case 'tvm.stackEntryUnsupported':
      return { type: 'null' };
    default:
      throw new Error(`stack: unsupported entry type ${String(type)}`);
  }
}

function parseEntry(entry: unknown): StackValue {
  if (!Array.isArray(entry)) {
    if (entry && typeof entry === 'object') return parseTyped(entry as Record<string, unknown>);
    throw new Error(`stack: malformed entry ${JSON.stringify(entry)}`);
  }
  const [tag, payload] = entry as [string, unknown];
  switch (tag) {
    case 'num':
    case 'int':
      return { type: 'int', value: parseNumber(String(payload)) };
    case 'null':
      return { type: 'null' };
    case 'cell':
    case 'slice':
    case 'builder': {
      const bytes = typeof payload === 'string' ? payload : (payload as { bytes?: unknown }).bytes;
      return cellEntry(bytes, tag);
    }
    case 'tuple':
    case 'list':
      return { type: 'tuple', items: ((payload as { elements: unknown[] }).elements ?? []).map(parseEntry) };
    default:
      throw new Error(`stack: unsupported entry tag ${tag}`);
  }
}

export function parseStack(raw: unknown[]): StackValue[] {
  return raw.map(parseEntry);
}

// The reader itself is shared with the contract wrappers and the devnet: StackValue is a @ton/core TupleItem.
export { StackReader } from '../../contracts/wrappers/stack-reader';
