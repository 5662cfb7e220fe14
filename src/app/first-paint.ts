// index.html carries the static shell prerendered at build time (vite/prerender-shell-plugin.ts), so a phone paints
// the page before any script has loaded. It is the variant most first visits get: English, no wallet session,
// outside Telegram. An inline script in <head> (this module's FIRST_PAINT_SCRIPT, allowed by its hash in the CSP) runs
// before that paint: it applies the theme (the shell's colours follow the `dark` class) and hides the shell from a
// visitor React would render differently; main.tsx then paints React's own shell, as it does without a prerender.
// .js extensions: vite.config.ts imports this module too (for the CSP hash).
import { LOCALE_STORAGE_KEY, LOCALES } from '../i18n/locale.js';
import { THEME_STORAGE_KEY } from '../components/theme/theme.js';
import { TON_CONNECT_SESSION_KEY } from '../features/wallet/session-hint.js';
import { SHELL_OFF_ATTRIBUTE } from './shell-markers.js';

/**
 * Plain ES5, no dependencies. Mirrors installTheme (theme.ts), localeFromLanguages (locale.ts), likelyConnected
 * (session-hint.ts) and readTelegramLaunch (telegram.ts); first-paint.test.ts runs it against those.
 */
export const FIRST_PAINT_SCRIPT = `(function(){var d=document.documentElement,w=window,off=false;
function get(k){try{return w.localStorage.getItem(k)}catch(e){return null}}
var c=get(${JSON.stringify(THEME_STORAGE_KEY)});
var dark=c==='dark'||(c!=='light'&&!!(w.matchMedia&&w.matchMedia('(prefers-color-scheme: dark)').matches));
if(dark)d.classList.add('dark');d.style.setProperty('color-scheme',dark?'dark':'light');
var known=${JSON.stringify(LOCALES)},l=get(${JSON.stringify(LOCALE_STORAGE_KEY)});
if(known.indexOf(l)<0){l='en';var n=w.navigator||{},ls=n.languages&&n.languages.length?n.languages:[n.language||'en'];
for(var i=0;i<ls.length;i++){var p=String(ls[i]).toLowerCase().split(/[-_]/)[0];if(known.indexOf(p)>=0){l=p;break}}}
if(l!=='en'||get(${JSON.stringify(TON_CONNECT_SESSION_KEY)})||/(^|[#&])tgWebAppData=/.test(w.location.hash)||(w.Telegram&&w.Telegram.WebApp&&w.Telegram.WebApp.initData))off=true;
if(off)d.setAttribute(${JSON.stringify(SHELL_OFF_ATTRIBUTE)},'')})()`;
