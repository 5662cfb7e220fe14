// The words of sending, tracking and reading: one catalog per concern, shared by every panel.
import { defineMessages } from '../../i18n/messages';

export const readErrorMessages = defineMessages(
  {
    unreachable: "Can't reach the network, retrying…",
    busy: 'The network is busy right now, retrying…',
    mayBeStale: 'Figures shown may be out of date.',
    retry: 'Retry',
    retrying: 'Retrying…',
    unsupportedPool:
      'This pool runs a version of the staking protocol this app does not support (its get_pool_full_data has {entries} entries). It can be viewed, but not staked into or unstaked from here.',
    notAPool: 'The selected address is not a staking pool on this network.',
    busyRetryLater: 'The network is busy right now. Please retry in a moment.',
    poolUnreadable: 'Could not read the staking pool from the network.',
    'noPool.devnet-not-deployed': 'The devnet has no staking pool deployed yet.',
    'noPool.not-configured': 'No pool address is configured for {network}.',
  },
  {
    unreachable: 'Нет связи с сетью, повторяем…',
    busy: 'Сеть сейчас перегружена, повторяем…',
    mayBeStale: 'Показанные цифры могут быть устаревшими.',
    retry: 'Повторить',
    retrying: 'Повторяем…',
    unsupportedPool:
      'Этот пул работает на версии протокола стейкинга, которую приложение не поддерживает (его get_pool_full_data возвращает {entries} значений). Его можно смотреть, но нельзя стейкать в него или выводить из него здесь.',
    notAPool: 'Выбранный адрес — не пул стейкинга в этой сети.',
    busyRetryLater: 'Сеть сейчас перегружена. Повторите чуть позже.',
    poolUnreadable: 'Не удалось прочитать пул стейкинга из сети.',
    'noPool.devnet-not-deployed': 'В девнете ещё не развёрнут пул стейкинга.',
    'noPool.not-configured': 'Для сети {network} не задан адрес пула.',
  },
);

export const sendErrorMessages = defineMessages(
  {
    declined: 'You declined the request in your wallet. Nothing was sent.',
    wrongNetwork: 'Your wallet is connected to another network. Switch it to {network} and reconnect; nothing was sent.',
    walletTimeout: 'The wallet did not answer before the request expired. Nothing was sent.',
    'rpc.rate-limited': 'The network is busy right now (too many requests).',
    'rpc.timeout': 'The network did not answer in time.',
    'rpc.server': 'The network service had a problem.',
    'rpc.network': 'The network could not be reached. Check your connection.',
    'rpc.bad-request': 'The network refused the request.',
    afterSent: 'Your transaction was already sent: Retry checks its status again without sending it twice.',
    notSent: 'Nothing was sent. Please retry.',
    walletFailed: 'The wallet could not process the request, and no such transaction reached the chain. You can try again.',
    unknown: 'Something went wrong: {detail}',
  },
  {
    declined: 'Вы отклонили запрос в кошельке. Ничего не отправлено.',
    wrongNetwork: 'Кошелёк подключён к другой сети. Переключите его на {network} и подключите заново; ничего не отправлено.',
    walletTimeout: 'Кошелёк не ответил, пока запрос был действителен. Ничего не отправлено.',
    'rpc.rate-limited': 'Сеть сейчас перегружена (слишком много запросов).',
    'rpc.timeout': 'Сеть не ответила вовремя.',
    'rpc.server': 'У сервиса сети возникла проблема.',
    'rpc.network': 'Нет связи с сетью. Проверьте подключение.',
    'rpc.bad-request': 'Сеть отклонила запрос.',
    afterSent: 'Транзакция уже отправлена: «Повторить» ещё раз проверит её статус, не отправляя её второй раз.',
    notSent: 'Ничего не отправлено. Попробуйте ещё раз.',
    walletFailed: 'Кошелёк не смог обработать запрос, и такая транзакция в сеть не попала. Можно попробовать ещё раз.',
    unknown: 'Что-то пошло не так: {detail}',
  },
);

export const trackingMessages = defineMessages(
  {
    notSentInTime: 'The wallet did not send the request before it expired. Nothing was sent; you can try again.',
    walletErrorChecking: 'Your wallet reported an error. Checking whether the transaction went out anyway…',
    notIncluded: 'The transaction was not included before it expired. Nothing was sent; you can try again.',
    effectLate: 'The transaction went through, but its result did not show up on-chain in time. Retry checks again.',
    cannotFollow: 'This transaction can no longer be followed here; check your wallet history.',
  },
  {
    notSentInTime: 'Кошелёк не отправил запрос, пока тот был действителен. Ничего не отправлено; можно попробовать ещё раз.',
    walletErrorChecking: 'Кошелёк сообщил об ошибке. Проверяем, не ушла ли транзакция всё же в сеть…',
    notIncluded: 'Транзакция не попала в блок, пока была действительна. Ничего не отправлено; можно попробовать ещё раз.',
    effectLate: 'Транзакция прошла, но её результат не появился в сети вовремя. «Повторить» проверит ещё раз.',
    cannotFollow: 'Эту транзакцию больше нельзя отследить здесь; проверьте историю в кошельке.',
  },
);

export const txStatusMessages = defineMessages(
  {
    'step.waiting-wallet': 'Confirm in wallet',
    'step.sent': 'Sent',
    'step.confirmed': 'Confirmed',
    'headline.waiting-wallet': 'Confirm the transaction in your wallet…',
    'headline.sent': 'Sent. Waiting for the network to confirm…',
    'headline.confirmed': 'Confirmed.',
    'headline.failed': 'The transaction failed.',
    'headline.expired': 'The request expired. Nothing was sent.',
    explorer: 'View in explorer',
    retry: 'Retry',
    dismiss: 'Dismiss',
    max: 'Max',
  },
  {
    'step.waiting-wallet': 'Подтвердите в кошельке',
    'step.sent': 'Отправлена',
    'step.confirmed': 'Подтверждена',
    'headline.waiting-wallet': 'Подтвердите транзакцию в кошельке…',
    'headline.sent': 'Отправлена. Ждём подтверждения сети…',
    'headline.confirmed': 'Подтверждена.',
    'headline.failed': 'Транзакция не прошла.',
    'headline.expired': 'Срок запроса истёк. Ничего не отправлено.',
    explorer: 'Открыть в обозревателе',
    retry: 'Повторить',
    dismiss: 'Закрыть',
    max: 'Макс.',
  },
);

export const payoutTimeMessages = defineMessages(
  {
    unknown: 'at the end of the current validation round (about every 18 hours)',
    due: 'at the round switch, due now ({clock}): {explanation}',
    at: 'at about {clock} (in {wait})',
  },
  {
    unknown: 'в конце текущего раунда валидации (примерно раз в 18 часов)',
    due: 'при смене раунда, уже пора ({clock}): {explanation}',
    at: 'примерно в {clock} (через {wait})',
  },
);
