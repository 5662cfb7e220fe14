// Whether TON Connect will most likely restore a wallet session: decides which placeholders the first paint shows,
// so the swap to the live panels moves as little as possible. A hint only: a wrong guess costs a layout shift.

/** Where the TON Connect SDK (v3) keeps the last connection, HTTP bridge and injected wallets alike. */
export const TON_CONNECT_SESSION_KEY = 'ton-connect-storage_bridge-connection';

export function likelyConnected(storage: Pick<Storage, 'getItem'> | null | undefined): boolean {
  try {
    return Boolean(storage?.getItem(TON_CONNECT_SESSION_KEY));
  } catch {
    return false; // storage disabled: TON Connect cannot restore anything either
  }
}
