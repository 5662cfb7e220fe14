// In-app notices of things that finished on their own (a tracked transaction confirmed, a bill paid). While the tab
// is in the background they also count in the document title, "(2) Paid · LSt Staking", until the tab is seen again.
import { create } from 'zustand';

export interface Notice {
  id: number;
  /** Short word for the title: "Paid", "Confirmed". */
  headline: string;
  text: string;
}

interface NotificationState {
  notices: Notice[];
  /** Notices that arrived while the tab was hidden and have not been seen. */
  unseen: number;
  lastHeadline: string | null;
  notify(headline: string, text: string, hidden: boolean): void;
  dismiss(id: number): void;
  seen(): void;
}

let nextId = 1;

export const useNotifications = create<NotificationState>((set) => ({
  notices: [],
  unseen: 0,
  lastHeadline: null,
  notify: (headline, text, hidden) =>
    set((state) => ({
      // the latest few: older ones have been read or are stale
      notices: [...state.notices, { id: nextId++, headline, text }].slice(-3),
      unseen: hidden ? state.unseen + 1 : state.unseen,
      lastHeadline: hidden ? headline : state.lastHeadline,
    })),
  dismiss: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
  seen: () => set({ unseen: 0, lastHeadline: null }),
}));

/** The document title for `unseen` background notices: "(1) Paid · LSt Staking", or the base title. */
export function titleWith(baseTitle: string, unseen: number, headline: string | null): string {
  return unseen > 0 ? `(${unseen}) ${headline ? `${headline} · ` : ''}${baseTitle}` : baseTitle;
}
