// toncenter v2 stack encoding, both ways. Top-level entries are `[type, value]` pairs; entries nested in tuples use
// tonlib's typed objects (`{"@type":"tvm.stackEntryNumber", ...}`), because that is what TonClient parses there.
import { Cell, type TupleItem } from '@ton/core';

export class StackFormatError extends Error {}

type Json = unknown;

/** Deepest tuple nesting a runGetMethod argument may have (a top-level entry is depth 1). */
export const MAX_STACK_DEPTH = 8;
/** Most entries (tuples and their elements included) a runGetMethod stack may hold. */
export const MAX_STACK_ENTRIES = 256;
/** Most base64 characters of cells a runGetMethod stack may carry in total. */
export const MAX_STACK_CELL_CHARS = 256 * 1024;

/** What an argument stack may still use; parsing a hostile stack stops at the first limit it reaches. */
interface StackBudget {
  entries: number;
  cellChars: number;
}

/** Parses a runGetMethod `stack` param: `[["num","0x1f"], ["tvm.Cell", b64], ["tuple", {elements}], ...]`. */
export function parseStackParam(stack: Json): TupleItem[] {
  if (stack === undefined || stack === null || stack === '') return [];
  if (!Array.isArray(stack)) throw new StackFormatError('stack must be an array');
  const budget: StackBudget = { entries: MAX_STACK_ENTRIES, cellChars: MAX_STACK_CELL_CHARS };
  return stack.map((entry, position) => parseTopLevelEntry(entry, `stack[${position}]`, budget, 1));
}

function spend(budget: StackBudget, depth: number, where: string): void {
  if (depth > MAX_STACK_DEPTH) throw new StackFormatError(`${where}: tuples nested deeper than ${MAX_STACK_DEPTH}`);
  budget.entries -= 1;
  if (budget.entries < 0) throw new StackFormatError(`stack holds more than ${MAX_STACK_ENTRIES} entries`);
}

function parseTopLevelEntry(entry: Json, where: string, budget: StackBudget, depth: number): TupleItem {
  spend(budget, depth, where);
  if (!Array.isArray(entry)) {
    if (isObject(entry) && typeof entry['@type'] === 'string') return parseTypedEntry(entry, where, budget, depth, true);
    throw new StackFormatError(`${where} must be a [type, value] pair`);
  }
  const [type, value] = entry as [Json, Json];
  switch (type) {
    case 'num':
    case 'number':
    case 'int':
      return { type: 'int', value: parseNumber(value, where) };
    case 'null':
      return { type: 'null' };
    case 'cell':
    case 'tvm.Cell':
      return { type: 'cell', cell: parseCellValue(value, where, budget) };
    case 'slice':
    case 'tvm.Slice':
      return { type: 'slice', cell: parseCellValue(value, where, budget) };
    case 'builder':
    case 'tvm.Builder':
      return { type: 'builder', cell: parseCellValue(value, where, budget) };
    case 'tuple':
    case 'list':
    case 'tvm.Tuple':
    case 'tvm.List': {
      const elements = isObject(value) ? value.elements : value;
      if (!Array.isArray(elements)) throw new StackFormatError(`${where}: tuple needs an elements array`);
      return {
        type: 'tuple',
        items: elements.map((element, i) => parseAnyEntry(element, `${where}[${i}]`, budget, depth + 1)),
      };
    }
    default:
      throw new StackFormatError(`${where}: unsupported stack entry type ${JSON.stringify(type)}`);
  }
}

function parseAnyEntry(entry: Json, where: string, budget: StackBudget, depth: number): TupleItem {
  return Array.isArray(entry)
    ? parseTopLevelEntry(entry, where, budget, depth)
    : parseTypedEntry(entry, where, budget, depth);
}

/** Typed entries wrap each other (stackEntryTuple → tvm.tuple): only tuples count towards depth and size. */
function parseTypedEntry(entry: Json, where: string, budget: StackBudget, depth: number, counted = false): TupleItem {
  if (!isObject(entry)) throw new StackFormatError(`${where} must be a typed stack entry`);
  if (!counted) spend(budget, depth, where);
  const inner = (value: Json) => parseTypedEntry(value, where, budget, depth, true);
  switch (entry['@type']) {
    case 'tvm.stackEntryNumber':
      return inner(entry.number);
    case 'tvm.numberDecimal':
      return { type: 'int', value: parseNumber(entry.number, where) };
    case 'tvm.stackEntryCell':
      return { type: 'cell', cell: parseCellValue(entry.cell, where, budget) };
    case 'tvm.stackEntrySlice':
      return { type: 'slice', cell: parseCellValue(entry.slice, where, budget) };
    case 'tvm.stackEntryBuilder':
      return { type: 'builder', cell: parseCellValue(entry.builder, where, budget) };
    case 'tvm.stackEntryTuple':
      return inner(entry.tuple);
    case 'tvm.stackEntryList':
      return inner(entry.list);
    case 'tvm.tuple':
    case 'tvm.list': {
      if (!Array.isArray(entry.elements))
        throw new StackFormatError(`${where}: tuple needs an elements array`);
      return {
        type: 'tuple',
        items: entry.elements.map((element, i) => parseAnyEntry(element, `${where}[${i}]`, budget, depth + 1)),
      };
    }
    case 'tvm.stackEntryNull':
      return { type: 'null' };
    default:
      throw new StackFormatError(`${where}: unsupported stack entry ${JSON.stringify(entry['@type'])}`);
  }
}

function parseNumber(value: Json, where: string): bigint {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value !== 'string') throw new StackFormatError(`${where}: number must be a string`);
  const negative = value.startsWith('-');
  const digits = negative ? value.slice(1) : value;
  if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(digits))
    throw new StackFormatError(`${where}: bad number ${JSON.stringify(value)}`);
  const magnitude = BigInt(digits);
  return negative ? -magnitude : magnitude;
}

function parseCellValue(value: Json, where: string, budget: StackBudget): Cell {
  const boc = isObject(value) ? value.bytes : value;
  if (typeof boc !== 'string') throw new StackFormatError(`${where}: cell must be a base64 BOC`);
  budget.cellChars -= boc.length;
  if (budget.cellChars < 0) throw new StackFormatError(`stack cells exceed ${MAX_STACK_CELL_CHARS} base64 characters`);
  try {
    return Cell.fromBase64(boc);
  } catch {
    throw new StackFormatError(`${where}: cell is not a valid base64 BOC`);
  }
}

/** Encodes a get-method result stack the way toncenter does (hex numbers, slices reported as cells). */
export function encodeStack(items: TupleItem[]): Json[] {
  return items.map(encodeTopLevel);
}

function encodeTopLevel(item: TupleItem): Json {
  switch (item.type) {
    case 'int':
      return ['num', toHex(item.value)];
    case 'nan':
      return ['num', 'NaN'];
    case 'null':
      return ['null'];
    case 'cell':
    case 'slice':
    case 'builder':
      return ['cell', { bytes: item.cell.toBoc().toString('base64') }];
    case 'tuple':
      return ['tuple', { '@type': 'tvm.tuple', elements: item.items.map(encodeTyped) }];
  }
}

function encodeTyped(item: TupleItem): Json {
  switch (item.type) {
    case 'int':
      return {
        '@type': 'tvm.stackEntryNumber',
        number: { '@type': 'tvm.numberDecimal', number: item.value.toString() },
      };
    case 'nan':
      return { '@type': 'tvm.stackEntryNumber', number: { '@type': 'tvm.numberDecimal', number: 'NaN' } };
    case 'null':
      // tonlib has no null entry; an empty list is what it reports (and TonClient reads it as an empty array).
      return { '@type': 'tvm.stackEntryList', list: { '@type': 'tvm.list', elements: [] } };
    case 'cell':
    case 'builder':
      return {
        '@type': 'tvm.stackEntryCell',
        cell: { '@type': 'tvm.cell', bytes: item.cell.toBoc().toString('base64') },
      };
    case 'slice':
      return {
        '@type': 'tvm.stackEntrySlice',
        slice: { '@type': 'tvm.slice', bytes: item.cell.toBoc().toString('base64') },
      };
    case 'tuple':
      return {
        '@type': 'tvm.stackEntryTuple',
        tuple: { '@type': 'tvm.tuple', elements: item.items.map(encodeTyped) },
      };
  }
}

function toHex(value: bigint): string {
  return value < 0n ? `-0x${(-value).toString(16)}` : `0x${value.toString(16)}`;
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
