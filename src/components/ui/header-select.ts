/** The header's compact selects (language, theme): one look, a 44 px touch target on a phone. */
export const HEADER_SELECT_CLASS =
  'min-h-11 rounded-lg border border-slate-300 bg-white px-2 text-sm text-slate-900 sm:min-h-9 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';
