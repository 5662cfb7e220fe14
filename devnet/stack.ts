// toncenter v2 stack encoding, both ways. Top-level entries are `[type, value]` pairs; entries nested in tuples use
// tonlib's typed objects (`{"@type":"tvm.stackEntryNumber", ...}`), because that is what TonClient parses there.
import { Cell, type TupleItem } from '@ton/core';

export class StackFormatError extends Error {}

type Json = unknown;

/** Parses a runGetMethod `stack` param: `[["num","0x1f"], ["tvm.Cell", b64], ["tuple", {elements}], ...]`. */
export function parseStackParam(stack: Json): TupleItem[] {
  if (stack === undefined || stack === null || stack === '') return [];
  if (!Array.isArray(stack)) throw new StackFormatError('stack must be an array');
  return stack.map((entry, position) => parseTopLevelEntry(entry, `stack[${position}]`));
}

function parseTopLevelEntry(entry: Json, where: string): TupleItem {
  if (!Array.isArray(entry)) {
    if (isObject(entry) && typeof entry['@type'] === 'string') return parseTypedEntry(entry, where);
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
      return { type: 'cell', cell: parseCellValue(value, where) };
    case 'slice':
    case 'tvm.Slice':
      return { type: 'slice', cell: parseCellValue(value, where) };
    case 'builder':
    case 'tvm.Builder':
      return { type: 'builder', cell: parseCellValue(value, where) };
    case 'tuple':
    case 'list':
    case 'tvm.Tuple':
    case 'tvm.List': {
      const elements = isObject(value) ? value.elements : value;
      if (!Array.isArray(elements)) throw new StackFormatError(`${where}: tuple needs an elements array`);
      return { type: 'tuple', items: elements.map((element, i) => parseAnyEntry(element, `${where}[${i}]`)) };
    }
    default:
      throw new StackFormatError(`${where}: unsupported stack entry type ${JSON.stringify(type)}`);
  }
}

function parseAnyEntry(entry: Json, where: string): TupleItem {
  return Array.isArray(entry) ? parseTopLevelEntry(entry, where) : parseTypedEntry(entry, where);
}

function parseTypedEntry(entry: Json, where: string): TupleItem {
  if (!isObject(entry)) throw new StackFormatError(`${where} must be a typed stack entry`);
  switch (entry['@type']) {
    case 'tvm.stackEntryNumber':
      return parseTypedEntry(entry.number, where);
    case 'tvm.numberDecimal':
      return { type: 'int', value: parseNumber(entry.number, where) };
    case 'tvm.stackEntryCell':
      return { type: 'cell', cell: parseCellValue(entry.cell, where) };
    case 'tvm.stackEntrySlice':
      return { type: 'slice', cell: parseCellValue(entry.slice, where) };
    case 'tvm.stackEntryBuilder':
      return { type: 'builder', cell: parseCellValue(entry.builder, where) };
    case 'tvm.stackEntryTuple':
      return parseTypedEntry(entry.tuple, where);
    case 'tvm.stackEntryList':
      return parseTypedEntry(entry.list, where);
    case 'tvm.tuple':
    case 'tvm.list': {
      if (!Array.isArray(entry.elements))
        throw new StackFormatError(`${where}: tuple needs an elements array`);
      return {
        type: 'tuple',
        items: entry.elements.map((element, i) => parseAnyEntry(element, `${where}[${i}]`)),
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

function parseCellValue(value: Json, where: string): Cell {
  const boc = isObject(value) ? value.bytes : value;
  if (typeof boc !== 'string') throw new StackFormatError(`${where}: cell must be a base64 BOC`);
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
