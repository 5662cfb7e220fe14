import { useEffect, useState } from 'react';
import { Button } from './button';
import { useT } from '../../i18n/messages';
import { uiMessages } from './messages';

const COPIED_FEEDBACK_MS = 1_500;

/** Copies `value` to the clipboard and says so briefly; the label names what is copied for screen readers. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useT(uiMessages);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), COPIED_FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <Button variant="ghost" size="sm" onClick={copy} aria-label={label}>
      <span aria-live="polite">
        {t(state === 'copied' ? 'copied' : state === 'failed' ? 'copyFailed' : 'copy')}
      </span>
    </Button>
  );
}
