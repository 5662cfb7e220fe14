// pTON (the pool jetton) for a user: the wallet address, computed locally from the pool's wallet code (no RPC)
// or asked from the minter; the wallet balance (0 while the wallet does not exist); and the jetton metadata
// (TEP-64 on-chain, off-chain URI, or both), reduced to plain display text.
import { Address, beginCell, type Cell, contractAddress } from '@ton/core';
import { parseOnchainMetadata } from '../../contracts/wrappers/metadata';
import type { JettonData } from '../../contracts/wrappers/PoolJettonMinter';
import { RpcError, runGetMethodOk, type TonRpc } from './client';
import { StackReader } from './stack';

/** Jetton wallets live on basechain (the DAO jetton's calc_address uses BASECHAIN). */
const JETTON_WORKCHAIN = 0;

/** Initial data of a DAO jetton wallet: balance:Coins(0) owner minter ^code locked:Coins(0) lock_expiration:uint48(0). */
export function jettonWalletInitialData(owner: Address, minter: Address, walletCode: Cell): Cell {
  return beginCell().storeCoins(0n).storeAddress(owner).storeAddress(minter).storeRef(walletCode).storeCoins(0n).storeUint(0, 48).endCell();
}

/**
 * The owner's pTON wallet address. `walletCode` is the pool's `pool_jetton_wallet_code` exactly as read: when it
 * is a library cell, the StateInit code IS that library cell (not the code it points to).
 */
export function jettonWalletAddress(params: { owner: Address; minter: Address; walletCode: Cell }): Address {
  const data = jettonWalletInitialData(params.owner, params.minter, params.walletCode);
  return contractAddress(JETTON_WORKCHAIN, { code: params.walletCode, data });
}

/** Asks the minter (`get_wallet_address`): the fallback when the wallet code is not at hand. */
export async function fetchJettonWalletAddress(rpc: Pick<TonRpc, 'runGetMethod'>, minter: Address, owner: Address): Promise<Address> {
  const stack = await runGetMethodOk(rpc, minter, 'get_wallet_address', [{ type: 'slice', cell: beginCell().storeAddress(owner).endCell() }]);
  return new StackReader(stack, 'get_wallet_address').readAddress();
}

/** Local computation when the pool data (wallet code) is known, the minter otherwise. */
export async function resolveJettonWallet(
  rpc: Pick<TonRpc, 'runGetMethod'>,
  params: { owner: Address; minter: Address; walletCode?: Cell | null },
): Promise<Address> {
  if (params.walletCode) return jettonWalletAddress({ owner: params.owner, minter: params.minter, walletCode: params.walletCode });
  return fetchJettonWalletAddress(rpc, params.minter, params.owner);
}

export interface JettonWalletData {
  /** False while nobody has sent pTON to this owner: the wallet is not deployed. */
  exists: boolean;
  balance: bigint;
  owner: Address | null;
  minter: Address | null;
}

/** Reads `get_wallet_data`; an undeployed wallet is a 0 balance, any other failure is an error. */
/** runGetMethod's exit code for an account that has no code (uninitialized or nonexistent). */
const UNINITIALIZED_ACCOUNT_EXIT_CODE = -13;

export async function readJettonWallet(rpc: Pick<TonRpc, 'runGetMethod' | 'call'>, wallet: Address): Promise<JettonWalletData> {
  // toncenter and the devnet answer exit code -13 for an undeployed account; some providers fail the call instead
  const result = await rpc.runGetMethod(wallet, 'get_wallet_data').catch((error: unknown) => {
    if (error instanceof RpcError && error.kind === 'bad-request') throw error;
    return null;
  });
  if (result?.exitCode === 0) {
    const r = new StackReader(result.stack, 'get_wallet_data');
    return { exists: true, balance: r.readBigInt(), owner: r.readAddress(), minter: r.readAddress() };
  }
  // -13 is the emulator's answer for an account with no code: no wallet yet, so no second request to confirm it.
  if (result?.exitCode === UNINITIALIZED_ACCOUNT_EXIT_CODE) return { exists: false, balance: 0n, owner: null, minter: null };
  const info = (await rpc.call('getAddressInformation', { address: wallet.toString() })) as { state?: string };
  if (info.state !== 'active') return { exists: false, balance: 0n, owner: null, minter: null };
  throw new Error(`get_wallet_data on ${wallet.toString()} failed (${result ? `exit code ${result.exitCode}` : 'request error'})`);
}

// ---- metadata ----

export interface JettonMetadata {
  name: string;
  symbol: string;
  description: string;
  /** Image URL as text; never rendered as HTML. */
  image: string | null;
  decimals: number;
  /** Where the off-chain part came from, if any. */
  uri: string | null;
}

/** get_jetton_data, as the minter wrapper reads it in sandbox tests. */
export type { JettonData };

export async function readJettonData(rpc: Pick<TonRpc, 'runGetMethod'>, minter: Address): Promise<JettonData> {
  const r = new StackReader(await runGetMethodOk(rpc, minter, 'get_jetton_data'), 'get_jetton_data');
  return { totalSupply: r.readBigInt(), mintable: r.readBool(), admin: r.readAddressOrNull(), content: r.readCell(), walletCode: r.readCell() };
}

/** Control characters and bidi overrides stripped, whitespace collapsed, length capped: safe to show as text. */
export function plainText(value: unknown, maxLength = 200): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  // eslint-disable-next-line no-control-regex
  const cleaned = String(value).replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1)}…` : cleaned;
}

function parseDecimals(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d{1,3}$/.test(text)) return null;
  const decimals = Number(text);
  return decimals <= 255 ? decimals : null;
}

export type ContentFields = Record<string, unknown>;

/** Splits a TEP-64 content cell into on-chain fields and an off-chain URI (either may be missing). */
export function decodeContent(content: Cell): { fields: ContentFields; uri: string | null } {
  const slice = content.beginParse();
  if (slice.remainingBits < 8) return { fields: {}, uri: null };
  const prefix = slice.preloadUint(8);
  if (prefix === 0x01) {
    slice.skip(8);
    return { fields: {}, uri: slice.loadStringTail() };
  }
  const { fields } = parseOnchainMetadata(content);
  return { fields, uri: fields.uri ?? null };
}

export interface MetadataOptions {
  /** Shown when the metadata has no symbol (e.g. "pTON" from config). */
  fallbackSymbol: string;
  fallbackName?: string;
  /** Fetches the off-chain JSON; omit to skip off-chain metadata (no network access). */
  fetchJson?: (uri: string) => Promise<unknown>;
}

/** On-chain fields win over off-chain ones (TEP-64 semi-chain rule). Off-chain failures fall back silently. */
export async function resolveJettonMetadata(content: Cell, options: MetadataOptions): Promise<JettonMetadata> {
  const { fields, uri } = decodeContent(content);
  let offchain: ContentFields = {};
  if (uri && options.fetchJson) {
    try {
      const json = await options.fetchJson(uri);
      if (json && typeof json === 'object' && !Array.isArray(json)) offchain = json as ContentFields;
    } catch {
      // unreachable metadata host: on-chain fields and config fallbacks still give a usable display
    }
  }
  const pick = (key: string) => (fields[key] !== undefined && fields[key] !== '' ? fields[key] : offchain[key]);
  const symbol = plainText(pick('symbol'), 16);
  const image = plainText(pick('image'), 2048);
  return {
    name: plainText(pick('name')) || options.fallbackName || options.fallbackSymbol,
    symbol: symbol || options.fallbackSymbol,
    description: plainText(pick('description'), 1000),
    image: /^(https?|ipfs):\/\//i.test(image) ? image : null,
    decimals: parseDecimals(pick('decimals')) ?? 9,
    uri: uri ? plainText(uri, 2048) : null,
  };
}

/** fetchJson for resolveJettonMetadata: ipfs:// through a gateway, a timeout, JSON only. */
export function createMetadataFetcher(options: { timeoutMs?: number; ipfsGateway?: string; fetch?: typeof fetch } = {}) {
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  return async (uri: string): Promise<unknown> => {
    const url = uri.startsWith('ipfs://') ? `${options.ipfsGateway ?? 'https://ipfs.io/ipfs/'}${uri.slice('ipfs://'.length)}` : uri;
    if (!/^https?:\/\//i.test(url)) throw new Error(`unsupported metadata URI ${uri}`);
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 5_000) });
    if (!response.ok) throw new Error(`metadata HTTP ${response.status}`);
    return response.json();
  };
}

// ---- ticker spoofing ----

// Letters drawn like Latin ones (Cyrillic, Greek, digits), and Cyrillic read as its Latin transliteration: "ТОН" is
// how a Russian reader writes TON, although its Н is drawn like an H. Keys are upper case (the text is upper-cased
// before mapping); each entry lists every reading worth trying.
const LOOKALIKES: Record<string, string[]> = {
  А: ['A'], В: ['B', 'V'], Е: ['E'], Ё: ['E'], З: ['3', 'Z'], И: ['I', 'N'], К: ['K'], М: ['M'], Н: ['H', 'N'], О: ['O'],
  Р: ['P', 'R'], С: ['C', 'S'], Т: ['T'], У: ['Y', 'U'], Х: ['X', 'H'], Ѕ: ['S'], І: ['I'], Ј: ['J'], Ү: ['Y'], Һ: ['H'],
  Α: ['A'], Β: ['B'], Ε: ['E'], Ζ: ['Z'], Η: ['H'], Ι: ['I'], Κ: ['K'], Μ: ['M'], Ν: ['N'], Ο: ['O'], Ρ: ['P'],
  Τ: ['T'], Υ: ['Y'], Χ: ['X'], '0': ['O'], '1': ['I', 'L'], '5': ['S'], '|': ['I', 'L'], L: ['L', 'I'], I: ['I', 'L'],
};

// Whitespace, format characters (zero-width space/joiners, BOM, bidi marks), combining marks and punctuation
// that a symbol could hide between the letters of a ticker.
const INVISIBLE_OR_NOISE = /[\s\p{Cf}\p{M}\p{P}\p{Zs}]/gu;

/** Every way `text` can be read once width, case, accents, invisible characters and look-alike letters are ignored. */
export function tickerReadings(text: string, limit = 64): Set<string> {
  const plain = text.normalize('NFKD').replace(INVISIBLE_OR_NOISE, '').toUpperCase();
  let readings = [''];
  for (const char of plain) {
    const options = LOOKALIKES[char] ?? [char];
    readings = readings.flatMap((prefix) => options.map((option) => prefix + option)).slice(0, limit);
  }
  return new Set(readings);
}

/** True when `symbol` equals `ticker` or could be read as it (case, homoglyphs, zero-width characters, spaces). */
export function isConfusableWithTicker(symbol: string, ticker: string): boolean {
  const wanted = tickerReadings(ticker);
  for (const reading of tickerReadings(symbol)) if (wanted.has(reading)) return true;
  return false;
}

/**
 * A pool jetton may name itself anything; one posing as the native coin would make "you receive 100 TON" out of
 * 100 pool jettons. Such a symbol is replaced by the configured jetton ticker (the name too, when it is the same lie).
 */
export function guardJettonSymbol(metadata: JettonMetadata, tickers: { native: string; fallback: string }): JettonMetadata {
  if (!isConfusableWithTicker(metadata.symbol, tickers.native)) return metadata;
  return {
    ...metadata,
    symbol: tickers.fallback,
    name: isConfusableWithTicker(metadata.name, tickers.native) ? tickers.fallback : metadata.name,
  };
}
