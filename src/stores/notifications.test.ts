import { beforeEach, describe, expect, it } from 'vitest';
import { titleWith, useNotifications } from './notifications';

describe('notifications', () => {
  beforeEach(() => useNotifications.setState({ notices: [], unseen: 0, lastHeadline: null }));

  it('counts only what arrives while the tab is hidden, in the title, until seen', () => {
    const { notify, seen } = useNotifications.getState();
    notify('Confirmed', 'Staked 10 TON', false);
    expect(useNotifications.getState().unseen).toBe(0);
    notify('Paid', 'Your bill paid 3 TON', true);
    notify('Paid', 'Your bill paid 1 TON', true);
    const state = useNotifications.getState();
    expect(titleWith('LSt Staking', state.unseen, state.lastHeadline)).toBe('(2) Paid · LSt Staking');
    seen();
    expect(titleWith('LSt Staking', useNotifications.getState().unseen, null)).toBe('LSt Staking');
    // the toasts stay until dismissed, the latest three at most
    expect(useNotifications.getState().notices.map((notice) => notice.text)).toEqual(['Staked 10 TON', 'Your bill paid 3 TON', 'Your bill paid 1 TON']);
    notify('Paid', 'fourth', false);
    expect(useNotifications.getState().notices).toHaveLength(3);
  });

  it('dismisses one toast', () => {
    useNotifications.getState().notify('Paid', 'a', false);
    const [notice] = useNotifications.getState().notices;
    useNotifications.getState().dismiss(notice.id);
    expect(useNotifications.getState().notices).toEqual([]);
  });
});
