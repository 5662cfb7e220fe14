// Validation of request parameters. They arrive as JSON (JSON-RPC, POST) or as query strings (GET), so numbers
// and booleans are accepted in both forms. Every failure is a 400 ApiError naming the parameter.
import { Address, Cell } from '@ton/core';
import { ApiError } from './http';

export type Params = Record<string, unknown>;

export function requireString(params: Params, key: string): string {
  const value = params[key];
  if (typeof value !== 'string' || value === '')
    throw new ApiError(400, `missing or invalid parameter "${key}"`);
  return value;
}

export function optionalString(params: Params, key: string): string | undefined {
  const value = params[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new ApiError(400, `parameter "${key}" must be a string`);
  return value;
}

export function parseAddress(text: string, key = 'address'): Address {
  try {
    return Address.parse(text.trim());
  } catch {
    throw new ApiError(400, `invalid address in "${key}": ${JSON.stringify(text).slice(0, 80)}`);
  }
}

export function requireAddress(params: Params, key = 'address'): Address {
  return parseAddress(requireString(params, key), key);
}

export function parseBoc(text: string, key: string): Cell {
  try {
    const cells = Cell.fromBoc(Buffer.from(text, 'base64'));
    if (cells.length !== 1) throw new Error('expected exactly one root');
    return cells[0];
  } catch {
    throw new ApiError(400, `invalid BOC in "${key}"`);
  }
}

export function requireBoc(params: Params, key: string): Cell {
  return parseBoc(requireString(params, key), key);
}

export function optionalBoc(params: Params, key: string): Cell | undefined {
  const text = optionalString(params, key);
  return text === undefined ? undefined : parseBoc(text, key);
}

/** A non-negative integer (lt, created_lt) as bigint, from a JSON number or a decimal string. */
export function optionalUint(params: Params, key: string): bigint | undefined {
  const value = params[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === 'string' && /^[0-9]{1,30}$/.test(value)) return BigInt(value);
  throw new ApiError(400, `parameter "${key}" must be a non-negative integer`);
}

export function requireUint(params: Params, key: string): bigint {
  const value = optionalUint(params, key);
  if (value === undefined) throw new ApiError(400, `missing parameter "${key}"`);
  return value;
}

export function optionalBool(params: Params, key: string): boolean | undefined {
  const value = params[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (value === true || value === 'true' || value === '1') return true;
  if (value === false || value === 'false' || value === '0') return false;
  throw new ApiError(400, `parameter "${key}" must be a boolean`);
}

/** A transaction hash given as base64 (toncenter default) or 64 hex digits. */
export function parseHash(text: string, key: string): Buffer {
  const hex = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : undefined;
  // A '+' in an unencoded query string arrives as a space; url-safe base64 uses - and _.
  const bytes = hex ?? Buffer.from(text.replace(/[ -]/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes.length !== 32)
    throw new ApiError(400, `parameter "${key}" must be a 32-byte hash (base64 or hex)`);
  return bytes;
}
