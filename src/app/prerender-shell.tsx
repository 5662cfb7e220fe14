// Build time only: vite/prerender-shell-plugin.ts loads this through Vite's SSR loader and writes the markup into
// index.html. Never imported by the app, so react-dom/server stays out of the bundle.
import { renderToStaticMarkup } from 'react-dom/server';
import { network } from '../config/network';
import { AppShell } from './shell';

/** The shell a first visit sees (no wallet session), as static HTML. */
export function renderShell(): string {
  return renderToStaticMarkup(<AppShell network={network} likelyConnected={false} staticCopy />);
}
