// The position card without a wallet is painted by the static shell: its words live apart from the position
// catalog, so the entry chunk carries only these.
import { defineMessages } from '../../i18n/messages';

export const positionPromptMessages = defineMessages(
  { title: 'My position', connectPrompt: 'Connect a wallet to see your {jetton}, its value and your rewards.' },
  { title: 'Моя позиция', connectPrompt: 'Подключите кошелёк, чтобы видеть свои {jetton}, их стоимость и доход.' },
);
