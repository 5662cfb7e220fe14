// What a TON Connect sendTransaction request asks the Devnet Wallet to sign, in words: for each message its
// destination, amount and operation (op-code named from the protocol's table), so the approval sheet can show it.
import { Address, Cell } from '@ton/core';
import { Op } from '../../contracts/wrappers/opcodes';

export interface DecodedMessage {
  /** The destination as the request gives it (user-friendly form). */
  destination: string;
  /** nano */
  amount: bigint;
  /** "deposit", "jetton burn", "plain transfer", or "op 0x…" when unknown. */
  operation: string;
  op: number | null;
  queryId: bigint | null;
  /** Jettons a burn or transfer moves (nano units), when the body says. */
  jettons: bigint | null;
}

export interface DecodedRequest {
  messages: DecodedMessage[];
  /** Unix seconds. */
  validUntil: number | null;
  network: string | null;
}

const OP_NAMES = new Map<number, string>(
  Object.entries(Op).map(([name, code]) => [code, name.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`)]),
);

function decodeBody(payload: string | undefined): Pick<DecodedMessage, 'operation' | 'op' | 'queryId' | 'jettons'> {
  if (!payload) return { operation: 'plain transfer', op: null, queryId: null, jettons: null };
  const body = Cell.fromBase64(payload).beginParse();
  if (body.remainingBits < 32) return { operation: 'plain transfer', op: null, queryId: null, jettons: null };
  const op = body.loadUint(32);
  if (op === 0) return { operation: 'comment', op, queryId: null, jettons: null };
  const queryId = body.remainingBits >= 64 ? body.loadUintBig(64) : null;
  let jettons: bigint | null = null;
  if ((op === Op.jettonBurn || op === Op.jettonTransfer) && queryId !== null) {
    try {
      jettons = body.loadCoins();
    } catch {
      jettons = null;
    }
  }
  return { operation: OP_NAMES.get(op) ?? `op 0x${op.toString(16).padStart(8, '0')}`, op, queryId, jettons };
}

interface RawMessage {
  address?: unknown;
  amount?: unknown;
  payload?: unknown;
}

/** Throws on a request the wallet could not sign anyway (bad JSON, bad address or amount, bad payload). */
export function decodeSendTransaction(paramsJson: string): DecodedRequest {
  const params = JSON.parse(paramsJson) as { messages?: RawMessage[]; valid_until?: unknown; validUntil?: unknown; network?: unknown };
  if (!Array.isArray(params.messages) || params.messages.length === 0) throw new Error('no messages');
  const messages = params.messages.map((message) => {
    if (typeof message.address !== 'string' || typeof message.amount !== 'string' || !/^\d+$/.test(message.amount)) throw new Error('bad message');
    Address.parse(message.address);
    if (message.payload !== undefined && typeof message.payload !== 'string') throw new Error('bad payload');
    return { destination: message.address, amount: BigInt(message.amount), ...decodeBody(message.payload) };
  });
  const validUntil = params.valid_until ?? params.validUntil;
  return {
    messages,
    validUntil: typeof validUntil === 'number' ? validUntil : null,
    network: typeof params.network === 'string' ? params.network : null,
  };
}

/** nano → "1.05" (9 decimals, trailing zeros trimmed). */
export function formatNano(nano: bigint): string {
  const whole = nano / 1_000_000_000n;
  const fraction = (nano % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole.toString();
}
