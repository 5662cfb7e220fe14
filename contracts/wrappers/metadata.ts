// TEP-64 on-chain token/NFT metadata: `onchain#00 data:(HashmapE 256 ^ContentData)` keyed by sha256(key name),
// each value a snake string (`snake#00 data:SnakeData`) or chunked data (`chunks#01 data:(HashmapE 32 ^(SnakeData ~0))`).
// Pure: no I/O, usable from the app, the devnet and the contract wrappers alike.
import { beginCell, Builder, Cell, Dictionary, Slice } from '@ton/core';
import { sha256_sync } from '@ton/crypto';

const ONCHAIN_CONTENT_PREFIX = 0x00;
const OFFCHAIN_CONTENT_PREFIX = 0x01;
const SNAKE_DATA_PREFIX = 0x00;
const CHUNKED_DATA_PREFIX = 0x01;

/** The keys TEP-64 defines for jettons and NFTs; parsing resolves these by name. */
export const STANDARD_METADATA_KEYS = [
  'uri',
  'name',
  'description',
  'image',
  'image_data',
  'symbol',
  'decimals',
  'amount_style',
  'render_type',
] as const;

export type MetadataFields = Record<string, string>;

/** sha256 of the key name, as the 256-bit dictionary key. */
export function metadataKeyHash(key: string): bigint {
  return BigInt('0x' + sha256_sync(Buffer.from(key, 'utf8')).toString('hex'));
}

/** Appends bytes to a builder as a snake: fills the current cell, continues in the first ref. */
function storeSnakeBytes(builder: Builder, bytes: Buffer): Builder {
  const room = Math.floor(builder.availableBits / 8);
  builder.storeBuffer(bytes.subarray(0, room));
  if (bytes.length > room) {
    builder.storeRef(storeSnakeBytes(beginCell(), bytes.subarray(room)).endCell());
  }
  return builder;
}

/** `snake#00` cell for one metadata value (UTF-8). */
export function snakeStringCell(value: string): Cell {
  return storeSnakeBytes(beginCell().storeUint(SNAKE_DATA_PREFIX, 8), Buffer.from(value, 'utf8')).endCell();
}

function readSnakeBytes(slice: Slice): Buffer {
  const parts: Buffer[] = [];
  let current: Slice | null = slice;
  while (current) {
    if (current.remainingBits % 8 !== 0) throw new Error('snake data is not byte-aligned');
    parts.push(current.loadBuffer(current.remainingBits / 8));
    current = current.remainingRefs > 0 ? current.loadRef().beginParse() : null;
  }
  return Buffer.concat(parts);
}

/** Decodes one ContentData value: snake (0x00) or chunked (0x01). */
export function readContentData(cell: Cell): string {
  const slice = cell.beginParse();
  const prefix = slice.loadUint(8);
  if (prefix === SNAKE_DATA_PREFIX) return readSnakeBytes(slice).toString('utf8');
  if (prefix === CHUNKED_DATA_PREFIX) {
    const chunks = slice.loadDict(Dictionary.Keys.Uint(32), Dictionary.Values.Cell());
    const ordered = [...chunks.keys()].sort((a, b) => a - b);
    return Buffer.concat(ordered.map((i) => readSnakeBytes(chunks.get(i)!.beginParse()))).toString('utf8');
  }
  throw new Error(`unknown metadata value prefix 0x${prefix.toString(16)}`);
}

/** Builds the on-chain content cell. Values are stored as snake strings; key order does not matter. */
export function buildOnchainMetadata(fields: MetadataFields): Cell {
  const dict = Dictionary.empty(Dictionary.Keys.BigUint(256), Dictionary.Values.Cell());
  for (const [key, value] of Object.entries(fields)) {
    dict.set(metadataKeyHash(key), snakeStringCell(value));
  }
  return beginCell().storeUint(ONCHAIN_CONTENT_PREFIX, 8).storeDict(dict).endCell();
}

export interface ParsedMetadata {
  /** Values whose key hash matched a known key name. */
  fields: MetadataFields;
  /** Values under key hashes that no known name matched, by hex hash. */
  unknown: Record<string, string>;
}

/**
 * Parses an on-chain content cell. Keys are hashes on-chain, so names come from STANDARD_METADATA_KEYS plus
 * `extraKeys`. Off-chain content (prefix 0x01) is rejected: the pool jetton and bills use on-chain metadata only.
 */
export function parseOnchainMetadata(content: Cell, extraKeys: readonly string[] = []): ParsedMetadata {
  const slice = content.beginParse();
  const prefix = slice.loadUint(8);
  if (prefix === OFFCHAIN_CONTENT_PREFIX) throw new Error('off-chain metadata (prefix 0x01) is not supported');
  if (prefix !== ONCHAIN_CONTENT_PREFIX) throw new Error(`unknown content prefix 0x${prefix.toString(16)}`);
  const dict = slice.loadDict(Dictionary.Keys.BigUint(256), Dictionary.Values.Cell());
  const names = new Map<bigint, string>();
  for (const key of [...STANDARD_METADATA_KEYS, ...extraKeys]) names.set(metadataKeyHash(key), key);
  const parsed: ParsedMetadata = { fields: {}, unknown: {} };
  for (const [hash, valueCell] of dict) {
    const value = readContentData(valueCell);
    const name = names.get(hash);
    if (name !== undefined) parsed.fields[name] = value;
    else parsed.unknown[hash.toString(16).padStart(64, '0')] = value;
  }
  return parsed;
}

export interface PoolJettonMetadata {
  name: string;
  symbol: string;
  description: string;
  image?: string;
  /** Pool jettons mirror nanoTON: 9 decimals unless told otherwise. */
  decimals?: number;
}

/** Content cell for the pool jetton (pTON): TEP-64 on-chain with decimals as a decimal string. */
export function poolJettonContent(meta: PoolJettonMetadata): Cell {
  const fields: MetadataFields = {
    name: meta.name,
    symbol: meta.symbol,
    description: meta.description,
    decimals: String(meta.decimals ?? 9),
  };
  if (meta.image !== undefined) fields.image = meta.image;
  return buildOnchainMetadata(fields);
}
