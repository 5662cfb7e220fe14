import { defineMessages } from '../../i18n/messages';

export const noticeMessages = defineMessages(
  {
    confirmed: 'Confirmed',
    confirmedText: 'Your transaction is confirmed.',
    paid: 'Paid',
    dismiss: 'Dismiss: {headline}',
  },
  {
    confirmed: 'Подтверждено',
    confirmedText: 'Ваша транзакция подтверждена.',
    paid: 'Выплачено',
    dismiss: 'Закрыть: {headline}',
  },
);
