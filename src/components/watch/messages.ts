import { defineMessages } from '../../i18n/messages';

export const watchMessages = defineMessages(
  {
    title: 'Watching',
    readOnly: 'Read-only view of {address}: its position, bills and history. Staking and unstaking are off while watching.',
    stop: 'Stop watching',
    formTitle: 'Watch an address',
    linkRefused: 'The address in this link was not opened: {reason}',
    inputLabel: 'Address to watch (read-only)',
    watch: 'Watch',
    'error.empty': 'Enter an address.',
    'error.workchain': 'Only basechain and masterchain addresses can be watched.',
    'error.invalid': 'This is not a TON address (checksum or format is wrong).',
  },
  {
    title: 'Просмотр',
    readOnly: 'Только просмотр адреса {address}: его позиция, заявки на вывод и история. Стейкинг и вывод при просмотре выключены.',
    stop: 'Закончить просмотр',
    formTitle: 'Посмотреть адрес',
    linkRefused: 'Адрес из этой ссылки не открыт: {reason}',
    inputLabel: 'Адрес для просмотра (только чтение)',
    watch: 'Смотреть',
    'error.empty': 'Введите адрес.',
    'error.workchain': 'Смотреть можно только адреса basechain и masterchain.',
    'error.invalid': 'Это не адрес TON (неверная контрольная сумма или формат).',
  },
);
