// The Devnet Wallet's confirmation step: a modal sheet in the page listing what a request would sign (destination,
// amount, operation), with Approve and Reject. Plain DOM, outside React: the wallet is not part of the app.
// Keyboard: focus starts on Reject, Tab/Shift+Tab stay inside the sheet, Escape rejects; focus returns afterwards.
import { formatNano, type DecodedRequest } from './decode';

export interface ApprovalSheetOptions {
  /** The native coin's ticker, from the app's config. */
  ticker: string;
}

const SHEET_ID = 'devnet-wallet-approval';

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string, style?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (style) node.style.cssText = style;
  return node;
}

const BUTTON = 'min-height:44px;padding:0 20px;border-radius:12px;font:600 15px system-ui,sans-serif;cursor:pointer;';

/** Shows the sheet and resolves true on Approve, false on Reject or Escape. One sheet at a time (the SDK sends one). */
export function showApprovalSheet(doc: Document, request: DecodedRequest, { ticker }: ApprovalSheetOptions): Promise<boolean> {
  doc.getElementById(SHEET_ID)?.remove();
  const previousFocus = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;

  const backdrop = element(doc, 'div', undefined, 'position:fixed;inset:0;z-index:2147483000;background:rgba(15,23,42,.55);display:flex;align-items:flex-end;justify-content:center;');
  backdrop.id = SHEET_ID;
  const sheet = element(
    doc,
    'div',
    undefined,
    'box-sizing:border-box;width:min(480px,100%);max-height:90vh;overflow:auto;background:#fff;color:#0f172a;border-radius:16px 16px 0 0;padding:20px;font:14px/1.4 system-ui,sans-serif;box-shadow:0 -8px 32px rgba(0,0,0,.25);',
  );
  sheet.setAttribute('role', 'dialog');
  sheet.setAttribute('aria-modal', 'true');
  sheet.setAttribute('aria-labelledby', `${SHEET_ID}-title`);
  sheet.setAttribute('aria-describedby', `${SHEET_ID}-summary`);
  sheet.dataset.testid = 'devnet-wallet-approval';

  const title = element(doc, 'h2', 'Devnet Wallet: confirm transaction', 'margin:0 0 4px;font-size:18px;');
  title.id = `${SHEET_ID}-title`;
  const count = request.messages.length;
  const total = request.messages.reduce((sum, message) => sum + message.amount, 0n);
  const summary = element(doc, 'p', `${count} message${count === 1 ? '' : 's'}, ${formatNano(total)} ${ticker} in total. Nothing is signed until you approve.`, 'margin:0 0 12px;color:#475569;');
  summary.id = `${SHEET_ID}-summary`;

  const list = element(doc, 'ol', undefined, 'list-style:none;margin:0 0 16px;padding:0;display:grid;gap:8px;');
  for (const message of request.messages) {
    const item = element(doc, 'li', undefined, 'border:1px solid #cbd5e1;border-radius:12px;padding:10px 12px;');
    item.dataset.testid = 'devnet-wallet-approval-message';
    const rows: [string, string][] = [
      ['Operation', message.operation + (message.jettons !== null ? ` (${formatNano(message.jettons)} jettons)` : '')],
      ['To', message.destination],
      ['Amount', `${formatNano(message.amount)} ${ticker}`],
    ];
    if (message.queryId !== null) rows.push(['Query id', message.queryId.toString()]);
    const dl = element(doc, 'dl', undefined, 'display:grid;grid-template-columns:auto minmax(0,1fr);gap:2px 12px;margin:0;');
    for (const [label, value] of rows) {
      dl.append(element(doc, 'dt', label, 'color:#64748b;'));
      const dd = element(doc, 'dd', value, 'margin:0;overflow-wrap:anywhere;font-variant-numeric:tabular-nums;');
      dd.dataset.field = label.toLowerCase().replace(/\s+/g, '-');
      dl.append(dd);
    }
    item.append(dl);
    list.append(item);
  }

  const actions = element(doc, 'div', undefined, 'display:flex;gap:12px;justify-content:flex-end;');
  const reject = element(doc, 'button', 'Reject', `${BUTTON}border:1px solid #cbd5e1;background:#fff;color:#0f172a;`);
  const approve = element(doc, 'button', 'Approve', `${BUTTON}border:0;background:#0369a1;color:#fff;`);
  reject.type = 'button';
  approve.type = 'button';
  actions.append(reject, approve);
  sheet.append(title, summary, list, actions);
  backdrop.append(sheet);

  return new Promise<boolean>((resolve) => {
    const close = (approved: boolean) => {
      doc.removeEventListener('keydown', onKey, true);
      backdrop.remove();
      previousFocus?.focus();
      resolve(approved);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close(false);
      } else if (event.key === 'Tab') {
        // Two stops: keep focus inside the sheet.
        event.preventDefault();
        (doc.activeElement === approve ? reject : approve).focus();
      }
    };
    reject.addEventListener('click', () => close(false));
    approve.addEventListener('click', () => close(true));
    doc.addEventListener('keydown', onKey, true);
    doc.body.append(backdrop);
    reject.focus();
  });
}
