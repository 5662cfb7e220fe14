// The pool every panel reads: the user's choice for this network (picker or a `?pool=` link), else the network's
// default (the first preset). Also whether that pool still needs the one confirmation a non-preset pool gets
// before its first stake.
import { useQuery } from './use-query';
import { Address } from '@ton/core';
import { useEffect, useMemo } from 'react';
import { usePoolChoice } from '../stores/pool-choice';
import type { NetworkConfig } from '../ton/networks';
import { checkPoolAddressText, findPreset, type PoolPreset } from '../ton/pool-presets';
import { protocolInfoQuery } from './protocol';

const NONE: readonly string[] = [];

function rawOf(address: string): string | null {
  try {
    return Address.parse(address).toRawString();
  } catch {
    return null;
  }
}

export function useSelectedPool(network: NetworkConfig) {
  const protocol = useQuery(protocolInfoQuery(network));
  const selected = usePoolChoice((state) => state.selected[network.name]);
  const confirmed = usePoolChoice((state) => state.confirmed[network.name] ?? NONE);
  const linked = usePoolChoice((state) => state.linked);
  const refusedLink = usePoolChoice((state) => state.refusedLink);
  const select = usePoolChoice((state) => state.select);
  const confirm = usePoolChoice((state) => state.confirm);
  const settleLink = usePoolChoice((state) => state.settleLink);

  // A `?pool=` link wins from the first render (no read of the stored pool first), and is then kept as the choice.
  const linkCheck = useMemo(() => (linked ? checkPoolAddressText(linked, network) : null), [linked, network]);
  useEffect(() => {
    if (!linkCheck || !linked) return;
    if (linkCheck.ok) select(network.name, linkCheck.address.toRawString());
    settleLink(linkCheck.ok ? null : { address: linked, problem: linkCheck });
  }, [linkCheck, linked, network.name, select, settleLink]);

  const chosen = linkCheck?.ok ? linkCheck.address.toRawString() : selected;
  const address = chosen ?? protocol.data?.pool;
  const presets: PoolPreset[] = protocol.data?.presets ?? [];
  const preset = address ? findPreset(presets, address) : null;
  const raw = address ? rawOf(address) : null;
  return {
    protocol,
    /** The pool to read, as text; undefined until known. */
    address,
    presets,
    /** The preset the pool is, or null for a pasted (non-preset) pool. */
    preset,
    /** Whether the chosen pool is the network's default. */
    isDefault: !chosen || (protocol.data ? rawOf(protocol.data.pool) === raw : false),
    /** A non-preset pool not confirmed yet: staking asks once, explicitly. Unknown until the presets are read. */
    needsConfirmation: Boolean(raw) && protocol.isSuccess && !preset && !confirmed.includes(raw!),
    confirm: () => raw && confirm(network.name, raw),
    /** Another pool for this network; null: back to the default. The caller checks the pool before choosing it. */
    choose: (next: string | null) => select(network.name, next ? rawOf(next) : null),
    refusedLink,
  };
}

export type SelectedPool = ReturnType<typeof useSelectedPool>;
