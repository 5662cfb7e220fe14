import { describe, expect, it } from 'vitest';
import { FIRST_PAINT_SCRIPT } from '../src/app/first-paint';
import { withPrerenderedShell } from './prerender-shell-plugin';

const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <title>LSt Staking</title>
    <script type="module" src="/assets/index.js"></script>
    <link rel="stylesheet" href="/assets/index.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

describe('withPrerenderedShell', () => {
  it('puts the markup inside #root and the first-paint script ahead of the stylesheet and scripts', () => {
    const html = withPrerenderedShell(INDEX, '<main>shell</main>');
    expect(html).toContain('<div id="root"><div data-prerendered><main>shell</main></div></div>');
    const script = html.indexOf(`<script>${FIRST_PAINT_SCRIPT}</script>`);
    expect(script).toBeGreaterThan(html.indexOf('</title>'));
    expect(script).toBeLessThan(html.indexOf('<link rel="stylesheet"'));
    expect(script).toBeLessThan(html.indexOf('<script type="module"'));
  });

  it('refuses an index.html it cannot prerender into', () => {
    expect(() => withPrerenderedShell(INDEX.replace('<div id="root"></div>', '<div id="app"></div>'), 'x')).toThrow(/#root|id="root"/);
    expect(() => withPrerenderedShell(INDEX.replace(/<title>.*<\/title>/, ''), 'x')).toThrow(/title/);
  });
});
