// The stake card without a wallet is painted by the static shell: its few words live apart from the staking
// catalog, so the entry chunk carries only these.
import { defineMessages } from '../../i18n/messages';

export const stakePromptMessages = defineMessages(
  { title: 'Stake', connectPrompt: 'Connect a wallet to stake {native}.' },
  { title: 'Стейкинг', connectPrompt: 'Подключите кошелёк, чтобы застейкать {native}.' },
);
