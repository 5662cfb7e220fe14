// The markers of the prerendered shell (see first-paint.ts), in a module of their own: the boot entry reads them
// before anything else is loaded.

/** Wraps the prerendered shell inside #root. */
export const PRERENDERED_ATTRIBUTE = 'data-prerendered';
/** Set on <html> by the first-paint script when the prerendered shell is not this visitor's: index.css hides it. */
export const SHELL_OFF_ATTRIBUTE = 'data-shell-off';

/** True when the prerendered shell is on screen: React need not paint its own before the app replaces it. */
export function prerenderedShellShown(doc: Pick<Document, 'documentElement' | 'querySelector'>): boolean {
  return !doc.documentElement.hasAttribute(SHELL_OFF_ATTRIBUTE) && doc.querySelector(`#root > [${PRERENDERED_ATTRIBUTE}]`) !== null;
}
