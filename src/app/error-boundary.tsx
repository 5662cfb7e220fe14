import { Component, type ErrorInfo, type ReactNode } from 'react';
import { tNow } from '../i18n/messages';
import { appMessages, type PanelName } from './messages';
import { Button } from '../components/ui/button';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** What the fallback says failed: the app, or one panel. */
  panel?: PanelName;
}
interface ErrorBoundaryState {
  error: Error | null;
}

/** Catches render errors so one broken panel does not blank the page; "Try again" re-mounts the children. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Render error in ${this.props.panel ?? 'app'}:`, error, info.componentStack);
  }

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    // a class component has no hooks; the app re-renders on a language change, so the language now is current
    const t = tNow(appMessages);
    return (
      <div
        role="alert"
        className="rounded-xl border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      >
        <p className="font-semibold">{t('crashed', { panel: t(`panel.${this.props.panel ?? 'app'}`) })}</p>
        <p className="mt-1 break-words text-sm opacity-80">{error.message}</p>
        <Button className="mt-3" variant="secondary" onClick={() => this.setState({ error: null })}>
          {t('tryAgain')}
        </Button>
      </div>
    );
  }
}
