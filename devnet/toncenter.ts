// toncenter API v2 facade over the devnet chain: one handler per method, results shaped so that @ton/ton's
// TonClient (which zod-validates them) accepts them unchanged. Every message is executed by the sandbox TVM.
import { Address, beginCell, Cell, Dictionary, loadMessage, storeStateInit, type Message } from '@ton/core';
import { WalletContractV3R2, WalletContractV4, WalletContractV5R1 } from '@ton/ton';
import { EmulationError, GetMethodError } from '@ton/sandbox';
import { createHash } from 'node:crypto';
import { ChainHaltedError, type DevnetChain } from './chain';
import { ApiError, isRecord } from './http';
import type { Logger } from './logger';
import {
  optionalBoc,
  optionalBool,
  optionalString,
  optionalUint,
  parseHash,
  requireAddress,
  requireBoc,
  requireString,
  requireUint,
  type Params,
} from './params';
import { parseStackParam, StackFormatError, encodeStack } from './stack';
import { normalizedExternalMessageHash, type IndexedTransaction } from './tx-index';

export type ToncenterMethod = (params: Params) => Promise<unknown>;

const DEFAULT_TRANSACTIONS_LIMIT = 10;
const MAX_TRANSACTIONS_LIMIT = 1000;
/** tonlib's answer for a get-method on an account that has no code. */
const EXIT_CODE_ACCOUNT_NOT_ACTIVE = -13;
const MASTERCHAIN_SHARD = '-9223372036854775808';

/** Exit codes of rejected wallet externals, to make the server log say why (V3/V4 and V5R1 numbering). */
const WALLET_EXIT_REASONS: Record<number, string> = {
  33: 'seqno mismatch',
  34: 'subwallet id mismatch',
  35: 'invalid signature',
  36: 'message expired',
  132: 'signature auth disabled',
  133: 'seqno mismatch',
  134: 'wallet id mismatch',
  135: 'invalid signature',
  136: 'message expired',
};

const KNOWN_WALLETS: Array<{ type: string; codeHash: string; walletIdAt: number }> = [
  {
    type: 'wallet v5 r1',
    codeHash: WalletContractV5R1.create({ publicKey: Buffer.alloc(32) })
      .init.code.hash()
      .toString('hex'),
    walletIdAt: 33, // is_signature_allowed:1 seqno:32 wallet_id:32
  },
  {
    type: 'wallet v4 r2',
    codeHash: WalletContractV4.create({ workchain: 0, publicKey: Buffer.alloc(32) })
      .init.code.hash()
      .toString('hex'),
    walletIdAt: 32, // seqno:32 subwallet_id:32
  },
  {
    type: 'wallet v3 r2',
    codeHash: WalletContractV3R2.create({ workchain: 0, publicKey: Buffer.alloc(32) })
      .init.code.hash()
      .toString('hex'),
    walletIdAt: 32,
  },
];

export function createToncenterMethods(chain: DevnetChain): Record<string, ToncenterMethod> {
  const blockId = (seqno = chain.blockSeqno) => ({
    '@type': 'ton.blockIdExt',
    workchain: -1,
    shard: MASTERCHAIN_SHARD,
    seqno,
    root_hash: syntheticHash(`root:${seqno}`),
    file_hash: syntheticHash(`file:${seqno}`),
  });

  async function accountSummary(address: Address) {
    const account = await chain.getAccount(address);
    const accountState = account.accountState;
    const state =
      accountState?.type === 'active'
        ? 'active'
        : accountState?.type === 'frozen'
          ? 'frozen'
          : 'uninitialized';
    return {
      account,
      state,
      lastTransactionId: {
        '@type': 'internal.transactionId',
        lt: account.lastTransactionLt.toString(),
        hash: bigintHashToBase64(account.lastTransactionHash),
      },
    } as const;
  }

  async function sendExternalBoc(params: Params) {
    const cell = requireBoc(params, 'boc');
    let message: Message;
    try {
      message = loadMessage(cell.beginParse());
    } catch {
      throw new ApiError(400, 'the BOC is not a message');
    }
    if (message.info.type !== 'external-in') throw new ApiError(400, 'only external-in messages can be sent');
    await chain.submitExternal(cell);
    return { cell, message };
  }

  const methods: Record<string, ToncenterMethod> = {
    async getAddressInformation(params) {
      const { account, state, lastTransactionId } = await accountSummary(requireAddress(params));
      const active = account.accountState?.type === 'active' ? account.accountState.state : undefined;
      return {
        '@type': 'raw.fullAccountState',
        balance: account.balance.toString(),
        extra_currencies: [],
        code: active?.code ? active.code.toBoc().toString('base64') : '',
        data: active?.data ? active.data.toBoc().toString('base64') : '',
        last_transaction_id: lastTransactionId,
        block_id: blockId(),
        frozen_hash:
          account.accountState?.type === 'frozen' ? bigintHashToBase64(account.accountState.stateHash) : '',
        sync_utime: chain.now(),
        state,
      };
    },

    async getAddressBalance(params) {
      const account = await chain.getAccount(requireAddress(params));
      return account.balance.toString();
    },

    async getAddressState(params) {
      return (await accountSummary(requireAddress(params))).state;
    },

    async getWalletInformation(params) {
      const { account, state, lastTransactionId } = await accountSummary(requireAddress(params));
      const base = {
        balance: account.balance.toString(),
        account_state: state,
        last_transaction_id: lastTransactionId,
      };
      const active = account.accountState?.type === 'active' ? account.accountState.state : undefined;
      const known =
        active?.code && KNOWN_WALLETS.find((w) => w.codeHash === active.code!.hash().toString('hex'));
      if (!known || !active?.data) return { wallet: false, ...base };
      const data = active.data.beginParse();
      data.skip(known.walletIdAt - 32);
      const seqno = data.loadUint(32);
      const walletId = data.loadUint(32);
      return { wallet: true, ...base, wallet_type: known.type, seqno, wallet_id: walletId };
    },

    async runGetMethod(params) {
      const address = requireAddress(params);
      const method = parseMethodId(params.method);
      const stack = parseStackParam(params.stack);
      const { account, lastTransactionId } = await accountSummary(address);
      const envelope = {
        '@type': 'smc.runResult',
        block_id: blockId(),
        last_transaction_id: lastTransactionId,
      };
      if (account.accountState?.type !== 'active') {
        return { ...envelope, gas_used: 0, exit_code: EXIT_CODE_ACCOUNT_NOT_ACTIVE, stack: [] };
      }
      try {
        const result = await chain.runGetMethod(address, method, stack);
        return {
          ...envelope,
          gas_used: Number(result.gasUsed),
          exit_code: result.exitCode,
          stack: encodeStack(result.stack),
        };
      } catch (error) {
        // Like toncenter: a failing get-method is a successful call that reports its exit code.
        if (error instanceof GetMethodError) {
          return { ...envelope, gas_used: Number(error.gasUsed), exit_code: error.exitCode, stack: [] };
        }
        throw error;
      }
    },

    async sendBoc(params) {
      await sendExternalBoc(params);
      return { '@type': 'ok' };
    },

    async sendBocReturnHash(params) {
      const { cell, message } = await sendExternalBoc(params);
      return {
        '@type': 'raw.extMessageInfo',
        hash: cell.hash().toString('base64'),
        hash_norm: normalizedExternalMessageHash(message).toString('base64'),
      };
    },

    async getTransactions(params) {
      const address = requireAddress(params);
      const limit = Number(optionalUint(params, 'limit') ?? BigInt(DEFAULT_TRANSACTIONS_LIMIT));
      if (limit < 1) throw new ApiError(400, 'parameter "limit" must be at least 1');
      const lt = optionalUint(params, 'lt');
      const hashText = optionalString(params, 'hash');
      if (hashText !== undefined && lt === undefined) throw new ApiError(400, 'parameter "hash" needs "lt"');
      const rows = chain.transactions.forAccount(address, {
        limit: Math.min(limit, MAX_TRANSACTIONS_LIMIT),
        lt,
        hash: hashText === undefined ? undefined : parseHash(hashText, 'hash'),
        toLt: optionalUint(params, 'to_lt') || undefined,
      });
      return rows.map(transactionJson);
    },

    /** Non-standard convenience: one transaction by account, lt and hash. */
    async getTransaction(params) {
      const address = requireAddress(params);
      const lt = requireUint(params, 'lt');
      const hash = parseHash(requireString(params, 'hash'), 'hash');
      const [row] = chain.transactions.forAccount(address, { limit: 1, lt, hash });
      if (!row) throw new ApiError(404, 'transaction not found');
      return transactionJson(row);
    },

    async tryLocateResultTx(params) {
      const source = requireAddress(params, 'source');
      const destination = requireAddress(params, 'destination');
      const createdLt = requireUint(params, 'created_lt');
      // The receiving transaction is always later than the message's creation.
      const candidates = chain.transactions.forAccount(destination, {
        limit: Number.MAX_SAFE_INTEGER,
        toLt: createdLt,
      });
      const found = candidates.find((row) => {
        const info = row.transaction.inMessage?.info;
        return info?.type === 'internal' && info.createdLt === createdLt && info.src.equals(source);
      });
      if (!found) throw new ApiError(404, 'cannot locate the result transaction');
      return transactionJson(found);
    },

    async tryLocateSourceTx(params) {
      const source = requireAddress(params, 'source');
      const destination = requireAddress(params, 'destination');
      const createdLt = requireUint(params, 'created_lt');
      const candidates = chain.transactions.forAccount(source, { limit: 64, lt: createdLt });
      const found = candidates.find((row) =>
        [...row.transaction.outMessages.values()].some(
          (out) =>
            out.info.type === 'internal' &&
            out.info.createdLt === createdLt &&
            out.info.dest.equals(destination),
        ),
      );
      if (!found) throw new ApiError(404, 'cannot locate the source transaction');
      return transactionJson(found);
    },

    async estimateFee(params) {
      const address = requireAddress(params);
      const body = requireBoc(params, 'body');
      const code = optionalBoc(params, 'init_code');
      const data = optionalBoc(params, 'init_data');
      const message: Message = {
        info: { type: 'external-in', dest: address, importFee: 0n },
        init: code || data ? { code: code ?? null, data: data ?? null } : undefined,
        body,
      };
      const fees = await chain.estimateExternalFees(message, optionalBool(params, 'ignore_chksig') ?? true);
      return {
        '@type': 'query.fees',
        source_fees: {
          '@type': 'fees',
          in_fwd_fee: Number(fees.inForwardFee),
          storage_fee: Number(fees.storageFee),
          gas_fee: Number(fees.gasFee),
          fwd_fee: Number(fees.forwardFee),
        },
        destination_fees: [],
      };
    },

    async getMasterchainInfo() {
      return {
        '@type': 'blocks.masterchainInfo',
        last: blockId(),
        init: blockId(0),
        state_root_hash: syntheticHash(`state:${chain.blockSeqno}`),
      };
    },

    async getConfigParam(params) {
      const id = Number(requireUint(params, 'config_id'));
      const config = Dictionary.loadDirect(
        Dictionary.Keys.Int(32),
        Dictionary.Values.Cell(),
        chain.blockchain.config,
      );
      const param = config.get(id);
      if (!param) throw new ApiError(404, `config param ${id} is not set`);
      return {
        '@type': 'configInfo',
        config: { '@type': 'tvm.cell', bytes: param.toBoc().toString('base64') },
      };
    },

    /** Non-standard: the transaction that processed an external-in message, by its TEP-467 normalized hash. */
    async devnetTxByMsgHash(params) {
      const hash = parseHash(requireString(params, 'hash'), 'hash');
      const row = chain.transactions.byNormalizedExternalHash(hash);
      if (!row) throw new ApiError(404, 'no transaction processed a message with this normalized hash');
      return transactionJson(row);
    },
  };
  return methods;
}

/** Maps any failure to the status and message the client gets; logs it with its reason. */
export function toApiError(error: unknown, logger: Logger, context: string): ApiError {
  let apiError: ApiError;
  if (error instanceof ApiError) {
    apiError = error;
  } else if (error instanceof ChainHaltedError) {
    apiError = new ApiError(503, error.message);
  } else if (error instanceof StackFormatError) {
    apiError = new ApiError(400, error.message);
  } else if (error instanceof EmulationError) {
    const reason = error.exitCode !== undefined ? WALLET_EXIT_REASONS[error.exitCode] : undefined;
    const detail =
      error.exitCode !== undefined
        ? `exit code ${error.exitCode}${reason ? ` (${reason})` : ''}`
        : error.error;
    apiError = new ApiError(422, `external message was not accepted: ${detail}`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    logger.error(
      `${context}: internal error: ${error instanceof Error && error.stack ? error.stack : message}`,
    );
    return new ApiError(500, `internal error: ${message}`);
  }
  logger.warn(`${context}: ${apiError.status} ${apiError.message}`);
  return apiError;
}

export function errorEnvelope(error: ApiError, id?: unknown) {
  return {
    ok: false,
    error: error.message,
    code: error.status,
    ...(id !== undefined ? { id, jsonrpc: '2.0' } : {}),
  };
}

/** Handles one JSON-RPC request object; returns the HTTP status and body. */
export async function handleJsonRpc(
  methods: Record<string, ToncenterMethod>,
  request: unknown,
  logger: Logger,
): Promise<{ status: number; body: unknown }> {
  const id = isRecord(request) ? request.id : undefined;
  const method = isRecord(request) ? request.method : undefined;
  try {
    if (!isRecord(request)) throw new ApiError(400, 'the request must be a JSON-RPC object');
    if (typeof method !== 'string') throw new ApiError(400, 'missing "method"');
    const params = request.params ?? {};
    if (!isRecord(params)) throw new ApiError(400, '"params" must be an object');
    const handler = Object.hasOwn(methods, method) ? methods[method] : undefined;
    if (!handler) throw new ApiError(404, `unknown method "${method}"`);
    const result = await handler(params);
    return { status: 200, body: { ok: true, result, id: id ?? null, jsonrpc: '2.0' } };
  } catch (error) {
    const apiError = toApiError(error, logger, `jsonRPC ${typeof method === 'string' ? method : '?'}`);
    return { status: apiError.status, body: errorEnvelope(apiError, id ?? null) };
  }
}

export function transactionJson(row: IndexedTransaction) {
  const transaction = row.transaction;
  const description = transaction.description;
  const storageFee =
    description.type === 'generic' ? (description.storagePhase?.storageFeesCollected ?? 0n) : 0n;
  const fee = transaction.totalFees.coins;
  return {
    '@type': 'raw.transaction',
    address: { '@type': 'accountAddress', account_address: row.account.toString() },
    utime: transaction.now,
    data: transaction.raw.toBoc().toString('base64'),
    transaction_id: {
      '@type': 'internal.transactionId',
      lt: row.lt.toString(),
      hash: row.hash.toString('base64'),
    },
    fee: fee.toString(),
    storage_fee: storageFee.toString(),
    other_fee: (fee - storageFee).toString(),
    // Left undefined (absent in JSON) when there is none: TonClient's schema rejects null here.
    in_msg: transaction.inMessage ? messageJson(transaction.inMessage) : undefined,
    out_msgs: [...transaction.outMessages.values()].map(messageJson),
  };
}

function messageJson(message: Message) {
  const info = message.info;
  const body = message.body;
  const common = {
    '@type': 'raw.message',
    body_hash: body.hash().toString('base64'),
    msg_data: {
      '@type': 'msg.dataRaw',
      body: body.toBoc().toString('base64'),
      init_state: message.init
        ? beginCell().store(storeStateInit(message.init)).endCell().toBoc().toString('base64')
        : '',
    },
    message: textComment(body),
  };
  switch (info.type) {
    case 'internal':
      return {
        ...common,
        source: info.src.toString(),
        destination: info.dest.toString(),
        value: info.value.coins.toString(),
        fwd_fee: info.forwardFee.toString(),
        ihr_fee: info.ihrFee.toString(),
        created_lt: info.createdLt.toString(),
      };
    case 'external-in':
      return {
        ...common,
        source: '',
        destination: info.dest.toString(),
        value: '0',
        fwd_fee: '0',
        ihr_fee: '0',
        created_lt: '0',
      };
    case 'external-out':
      return {
        ...common,
        source: info.src.toString(),
        destination: '',
        value: '0',
        fwd_fee: '0',
        ihr_fee: '0',
        created_lt: info.createdLt.toString(),
      };
  }
}

function textComment(body: Cell): string {
  try {
    const slice = body.beginParse();
    if (slice.remainingBits < 32 || slice.loadUint(32) !== 0) return '';
    return slice.loadStringTail();
  } catch {
    return '';
  }
}

function parseMethodId(method: unknown): string | number {
  if (typeof method === 'number' && Number.isSafeInteger(method)) return method;
  if (typeof method !== 'string' || method === '')
    throw new ApiError(400, 'missing or invalid parameter "method"');
  return /^-?[0-9]+$/.test(method) ? Number(method) : method;
}

function bigintHashToBase64(hash: bigint): string {
  return Buffer.from(hash.toString(16).padStart(64, '0'), 'hex').toString('base64');
}

function syntheticHash(seed: string): string {
  return createHash('sha256').update(`lst-devnet:${seed}`).digest('base64');
}
