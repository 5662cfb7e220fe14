import { describe, expect, it } from 'vitest';
import { LOCALES } from './locale';
import type { Catalog, Message } from './messages';

// Every catalog in the app: files named messages.ts or *-messages.ts export them.
const modules = import.meta.glob<Record<string, unknown>>(['/src/**/messages.ts', '/src/**/*-messages.ts'], { eager: true });

function isCatalog(value: unknown): value is Catalog<string> {
  return typeof value === 'object' && value !== null && 'en' in value && 'ru' in value;
}

const placeholders = (message: Message) =>
  [...new Set((typeof message === 'string' ? [message] : Object.values(message)).flatMap((text) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

const catalogs = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => isCatalog(value))
    .map(([name, value]) => ({ where: `${file} ${name}`, catalog: value as Catalog<string> })),
);

describe('message catalogs', () => {
  it('are found', () => {
    expect(catalogs.length).toBeGreaterThan(0);
  });

  it.each(catalogs)('$where: every language has every key, with the same placeholders, and no empty text', ({ catalog }) => {
    const keys = Object.keys(catalog.en).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(catalog[locale]).sort(), locale).toEqual(keys);
      for (const key of keys) {
        const message = catalog[locale][key];
        expect(placeholders(message), `${locale} ${key}`).toEqual(placeholders(catalog.en[key]));
        const texts = typeof message === 'string' ? [message] : Object.values(message);
        for (const text of texts) expect(text?.trim(), `${locale} ${key}`).not.toBe('');
        if (typeof message !== 'string') expect(message.other, `${locale} ${key}`).toBeTruthy();
      }
    }
  });

  it.each(catalogs)('$where: the Russian side is translated (Cyrillic wherever English has words)', ({ catalog }) => {
    for (const [key, english] of Object.entries(catalog.en)) {
      const en = typeof english === 'string' ? english : english.other;
      const ruMessage = catalog.ru[key];
      const ru = typeof ruMessage === 'string' ? ruMessage : ruMessage.other;
      const englishWords = en.replace(/\{\w+\}/g, '').match(/[A-Za-z]{4,}/g) ?? [];
      // a message of English words needs Russian words; names and symbols ("TVL", "{ticker}") may stay as they are
      if (englishWords.some((word) => /^[a-z]/.test(word))) expect(ru, key).toMatch(/[\u0400-\u04ff]/);
    }
  });
});
