import { Card } from '../../../components/ui/card';
import { useT } from '../../../i18n/messages';
import { positionPromptMessages } from '../prompt-messages';

/** The position panel without a wallet; also painted by the static shell, so the two match exactly. */
export function PositionConnectPrompt({ jettonTicker }: { jettonTicker: string }) {
  const t = useT(positionPromptMessages);
  return (
    <Card title={t('title')}>
      <p className="text-slate-600 dark:text-slate-400">{t('connectPrompt', { jetton: jettonTicker })}</p>
    </Card>
  );
}
