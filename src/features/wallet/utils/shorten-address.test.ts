import { describe, expect, it } from 'vitest';
import { shortenAddress } from './shorten-address';

describe('shortenAddress', () => {
  const friendly = 'UQBvW8Z5huBkMJYdnfAEM5JqTNkuWX3diqYENkWsIL0XggGG';

  it('keeps the edges and joins them with an ellipsis', () => {
    expect(shortenAddress(friendly)).toBe('UQBv…ggGG');
    expect(shortenAddress(friendly, 6)).toBe('UQBvW8…0XggGG');
  });

  it('leaves short strings untouched', () => {
    expect(shortenAddress('abcdefghi')).toBe('abcdefghi');
    expect(shortenAddress('')).toBe('');
  });
});
