// The wallet card while TON Connect restores a session is painted by the static shell: its words live apart from the
// wallet catalog, so the entry chunk carries only these.
import { defineMessages } from '../../i18n/messages';

export const walletRestoringMessages = defineMessages(
  { title: 'Wallet', restoring: 'Restoring wallet connection' },
  { title: 'Кошелёк', restoring: 'Восстанавливаем подключение кошелька' },
);
