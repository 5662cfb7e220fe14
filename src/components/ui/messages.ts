import { defineMessages } from '../../i18n/messages';

export const uiMessages = defineMessages(
  {
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Copy failed',
    staleTitle: 'Could not refresh: last read at {time}',
    stale: 'stale · {time}',
  },
  {
    copy: 'Копировать',
    copied: 'Скопировано',
    copyFailed: 'Не скопировалось',
    staleTitle: 'Не удалось обновить: данные на {time}',
    stale: 'устарело · {time}',
  },
);
