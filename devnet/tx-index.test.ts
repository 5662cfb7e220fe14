import { describe, expect, it } from 'vitest';
import { Address, beginCell, external, ExternalAddress, storeMessage, type Message } from '@ton/core';
import { normalizedExternalMessageHash } from './tx-index';

describe('normalizedExternalMessageHash (TEP-467)', () => {
  const dest = Address.parse('0:' + '12'.repeat(32));
  const body = beginCell().storeUint(0x7369676e, 32).storeUint(42, 64).endCell();

  it('ignores how the sender serialized the message: src, import fee, init, body inline or in a ref', () => {
    const plain = external({ to: dest, body });
    const decorated: Message = {
      info: { type: 'external-in', dest, src: new ExternalAddress(5n, 8), importFee: 1234n },
      init: { code: beginCell().storeUint(1, 8).endCell(), data: beginCell().endCell() },
      body,
    };
    expect(normalizedExternalMessageHash(decorated).equals(normalizedExternalMessageHash(plain))).toBe(true);
    // The raw cells differ (storeMessage inlines a small body), the normalized hash does not.
    const rawPlain = beginCell().store(storeMessage(plain)).endCell();
    const rawDecorated = beginCell().store(storeMessage(decorated)).endCell();
    expect(rawPlain.hash().equals(rawDecorated.hash())).toBe(false);
  });

  it('changes with the destination or the body', () => {
    const base = normalizedExternalMessageHash(external({ to: dest, body }));
    const otherDest = normalizedExternalMessageHash(
      external({ to: Address.parse('0:' + '13'.repeat(32)), body }),
    );
    const otherBody = normalizedExternalMessageHash(
      external({ to: dest, body: beginCell().storeUint(1, 1).endCell() }),
    );
    expect(base.equals(otherDest)).toBe(false);
    expect(base.equals(otherBody)).toBe(false);
  });
});
