import { Address } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { parseWatchAddress } from './watch-address';

describe('parseWatchAddress', () => {
  const raw = `0:${'ab'.repeat(32)}`;
  it('accepts raw and user-friendly forms and keys on the raw one', () => {
    const friendly = Address.parse(raw).toString({ bounceable: false, testOnly: true });
    expect(parseWatchAddress(raw)).toEqual({ raw });
    expect(parseWatchAddress(`  ${friendly} `)).toEqual({ raw });
  });
  it('refuses what is not an address, with a message', () => {
    expect(parseWatchAddress('')).toEqual({ error: 'empty' });
    const friendly = Address.parse(raw).toString();
    const broken = friendly.slice(0, -1) + (friendly.endsWith('A') ? 'B' : 'A');
    expect(parseWatchAddress(broken)).toEqual({ error: 'invalid' });
    expect(parseWatchAddress('hello')).toEqual({ error: 'invalid' });
  });
});
