import { Card } from '../../../components/ui/card';
import { useT } from '../../../i18n/messages';
import { stakePromptMessages } from '../prompt-messages';

/** The stake panel without a wallet; also painted by the static shell, so the two match exactly. */
export function StakeConnectPrompt({ nativeTicker }: { nativeTicker: string }) {
  const t = useT(stakePromptMessages);
  return (
    <Card title={t('title')} className="min-w-0">
      {/* The wallet panel above holds the one "Connect wallet" button. */}
      <p className="text-slate-600 dark:text-slate-400">{t('connectPrompt', { native: nativeTicker })}</p>
    </Card>
  );
}
