import { defineMessages } from '../../i18n/messages';

export const exportMessages = defineMessages({ export: 'Export CSV', exporting: 'Exporting…' }, { export: 'Экспорт в CSV', exporting: 'Экспортируем…' });
