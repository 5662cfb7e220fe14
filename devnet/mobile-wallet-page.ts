// The Devnet Mobile Wallet's page: plain HTML and a small script, served by the devnet at /devwallet/mobile.
// It opens from a TON Connect universal link (?v=2&id=…&r=…&ret=…) or an empty one (?ret=back, sent with each
// request), shows the dApp's manifest and each sendTransaction's decoded messages with Approve / Reject, and goes
// back to the app afterwards as `ret` asks. Keys, sessions and signing live in the devnet (mobile-wallet.ts).

export const MOBILE_WALLET_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Devnet Mobile Wallet</title>
<style>
  body { font: 16px/1.4 system-ui, sans-serif; margin: 0; background: #f4f6fa; color: #111; overflow-wrap: anywhere; }
  header { background: #1a6fc4; color: #fff; padding: 12px 16px; font-weight: 600; }
  main { padding: 12px 16px; display: grid; gap: 12px; }
  section { background: #fff; border-radius: 12px; padding: 12px 16px; box-shadow: 0 1px 2px #0002; }
  h2 { font-size: 16px; margin: 0 0 8px; }
  .row { display: flex; gap: 8px; margin-top: 12px; }
  button { flex: 1; min-height: 44px; border-radius: 10px; border: 0; font-size: 16px; font-weight: 600; }
  .approve { background: #1a6fc4; color: #fff; }
  .reject { background: #e4e7ee; color: #111; }
  .error { color: #b00020; }
  .muted { color: #555; font-size: 14px; word-break: break-all; }
  .app { display: flex; gap: 12px; align-items: center; }
  .app img { width: 48px; height: 48px; border-radius: 10px; }
  ul { padding-left: 18px; margin: 6px 0; }
  [hidden] { display: none !important; }
</style>
<script src="/devwallet/mobile/app.js" defer></script>
</head>
<body>
<header>Devnet Mobile Wallet</header>
<main>
  <section data-testid="account">
    <h2>Account</h2>
    <div class="muted" data-testid="account-address">…</div>
    <div data-testid="account-balance">…</div>
  </section>
  <section data-testid="connect" hidden>
    <h2>Connection request</h2>
    <div class="app"><img data-testid="connect-app-icon" alt=""><div>
      <div data-testid="connect-app-name"></div>
      <div class="muted" data-testid="connect-app-url"></div>
    </div></div>
    <p class="muted" data-testid="connect-items"></p>
    <div class="row" data-testid="connect-buttons">
      <button class="reject" data-testid="connect-reject">Reject</button>
      <button class="approve" data-testid="connect-approve">Connect</button>
    </div>
    <p data-testid="connect-status" role="status"></p>
  </section>
  <p class="error" data-testid="wallet-error" role="alert" hidden></p>
  <p data-testid="returning" role="status" hidden></p>
  <section>
    <h2>Requests</h2>
    <div data-testid="requests"><p class="muted">No requests yet.</p></div>
  </section>
  <section>
    <h2>Connected apps</h2>
    <div data-testid="sessions" class="muted">None.</div>
  </section>
</main>
</body>
</html>
`;

export const MOBILE_WALLET_SCRIPT = String.raw`'use strict';
(() => {
  const BASE = '/devwallet/mobile';
  const RET_KEY = 'devnet-mobile-wallet-ret';
  const $ = (id) => document.querySelector('[data-testid="' + id + '"]');
  const params = new URLSearchParams(location.search);
  if (params.has('ret')) sessionStorage.setItem(RET_KEY, params.get('ret'));

  async function api(path, body) {
    const init = body === undefined
      ? { cache: 'no-store' }
      : { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Devnet-Request': '1' }, body: JSON.stringify(body) };
    const response = await fetch(BASE + path, init);
    const reply = await response.json().catch(() => ({ ok: false, error: 'HTTP ' + response.status }));
    if (!reply.ok) throw new Error(reply.error || 'HTTP ' + response.status);
    return reply.result;
  }

  function formatNano(nano) {
    const text = String(nano).padStart(10, '0');
    const whole = text.slice(0, -9).replace(/^0+(?=\d)/, '');
    const fraction = text.slice(-9).replace(/0+$/, '');
    return whole + (fraction ? '.' + fraction : '') + ' TON';
  }

  function showError(message) {
    const node = $('wallet-error');
    node.textContent = message || '';
    node.hidden = !message;
  }

  // ret: 'back' (default) returns to the app that opened us, 'none' stays, a URL is opened.
  function returnToApp() {
    const ret = sessionStorage.getItem(RET_KEY) || 'back';
    if (ret === 'none') return;
    const note = $('returning');
    note.hidden = false;
    note.textContent = 'Returning to the app…';
    setTimeout(() => {
      if (ret === 'back') {
        if (history.length > 1) history.back();
        else note.textContent = 'Done. Switch back to the app.';
        return;
      }
      let target;
      try { target = new URL(ret); } catch { target = undefined; }
      if (!target || /^(javascript|data|vbscript|file):$/.test(target.protocol)) {
        note.textContent = 'Done. Switch back to the app.';
        return;
      }
      location.assign(target.href);
    }, 300);
  }

  // A connection request from the universal link. Links sent with later requests carry only id (and ret): bridge.md
  // lets them name the app, with no request to answer.
  const link = { id: params.get('id'), r: params.get('r') };
  if (link.r) {
    const card = $('connect');
    card.hidden = false;
    const buttons = $('connect-buttons');
    buttons.hidden = true;
    $('connect-status').textContent = 'Reading the app\u2019s manifest…';
    api('/inspect', link).then((info) => {
      $('connect-app-name').textContent = info.manifest.name;
      $('connect-app-url').textContent = info.manifest.url;
      $('connect-app-icon').src = info.manifest.iconUrl;
      $('connect-items').textContent = 'Asks for: ' + info.items.join(', ');
      if (info.connected) {
        $('connect-status').textContent = 'Already connected to ' + info.manifest.name + '.';
        return;
      }
      $('connect-status').textContent = '';
      buttons.hidden = false;
      const answer = async (approve) => {
        buttons.hidden = true;
        try {
          await api('/connect', Object.assign({ approve }, link));
          $('connect-status').textContent = approve ? 'Connected to ' + info.manifest.name + '.' : 'Connection rejected.';
          returnToApp();
        } catch (error) {
          $('connect-status').textContent = '';
          showError(error.message);
        }
      };
      $('connect-approve').onclick = () => answer(true);
      $('connect-reject').onclick = () => answer(false);
    }, (error) => {
      $('connect-status').textContent = 'This connection request was refused.';
      showError(error.message);
    });
  }

  const STATUS_TEXT = { pending: 'Waiting for you', approved: 'Approved', rejected: 'Rejected', failed: 'Failed', expired: 'Expired' };

  function renderRequest(request) {
    const item = document.createElement('section');
    item.dataset.testid = 'request';
    item.dataset.status = request.status;
    item.dataset.key = request.key;
    const title = document.createElement('h2');
    title.textContent = 'Transaction for ' + request.app;
    item.append(title);
    const list = document.createElement('ul');
    for (const message of request.messages) {
      const entry = document.createElement('li');
      entry.dataset.testid = 'request-message';
      entry.textContent = formatNano(message.amount) + ' to ' + message.address +
        (message.op ? ' · op ' + (message.opName || message.op) : '') +
        (message.queryId ? ' · query ' + message.queryId : '') + (message.stateInit ? ' · deploys a contract' : '');
      list.append(entry);
    }
    item.append(list);
    const status = document.createElement('p');
    status.dataset.testid = 'request-status';
    status.textContent = STATUS_TEXT[request.status] + (request.detail ? ': ' + request.detail : '');
    item.append(status);
    if (request.status === 'pending') {
      const row = document.createElement('div');
      row.className = 'row';
      const reject = document.createElement('button');
      reject.className = 'reject';
      reject.dataset.testid = 'request-reject';
      reject.textContent = 'Reject';
      const approve = document.createElement('button');
      approve.className = 'approve';
      approve.dataset.testid = 'request-approve';
      approve.textContent = 'Approve';
      const answer = async (yes) => {
        reject.disabled = approve.disabled = true;
        try {
          const result = await api('/answer', { key: request.key, approve: yes });
          status.textContent = STATUS_TEXT[result.status] + (result.detail ? ': ' + result.detail : '');
          returnToApp();
        } catch (error) {
          showError(error.message);
        }
        refresh();
      };
      reject.onclick = () => answer(false);
      approve.onclick = () => answer(true);
      row.append(reject, approve);
      item.append(row);
    }
    return item;
  }

  // Each part is redrawn only when it changed, and a request's card only when its status did: a card being clicked
  // must not be replaced under the pointer by a poll.
  const shown = { account: '', sessions: '', order: '' };
  const cards = new Map();
  async function refresh() {
    let state;
    try {
      state = await api('/state');
    } catch (error) {
      showError('The devnet does not answer: ' + error.message);
      return;
    }
    const account = JSON.stringify(state.account);
    if (account !== shown.account) {
      shown.account = account;
      $('account-address').textContent = state.account.friendly;
      $('account-balance').textContent = formatNano(state.account.balance);
    }
    for (const request of state.requests) {
      const version = request.status + '|' + (request.detail || '');
      const card = cards.get(request.key);
      if (card && card.version === version) continue;
      const node = renderRequest(request);
      if (card) card.node.replaceWith(node);
      cards.set(request.key, { node, version });
    }
    const order = state.requests.map((request) => request.key).join(',');
    if (order !== shown.order) {
      shown.order = order;
      const requests = $('requests');
      if (state.requests.length === 0) requests.innerHTML = '<p class="muted">No requests yet.</p>';
      else requests.replaceChildren(...state.requests.map((request) => cards.get(request.key).node));
    }
    const sessionsKey = JSON.stringify(state.sessions);
    if (sessionsKey !== shown.sessions) {
      shown.sessions = sessionsKey;
      const sessions = $('sessions');
      sessions.replaceChildren(...state.sessions.map((session) => {
        const row = document.createElement('div');
        row.dataset.testid = 'session';
        row.textContent = session.app.name + ' (' + session.app.url + ')';
        return row;
      }));
      if (state.sessions.length === 0) sessions.textContent = 'None.';
    }
  }
  refresh();
  setInterval(refresh, 300);
})();
`;
