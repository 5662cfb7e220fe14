import { describe, expect, it } from 'vitest';
import { isValidElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { localeFromLanguages } from './locale';
import { defineMessages, translate, translateRich } from './messages';

const catalog = defineMessages(
  { hello: 'Hello, {name}', bills: { one: '{count} bill', other: '{count} bills' }, open: 'Open {link} now' },
  { hello: 'Привет, {name}', bills: { one: '{count} счёт', few: '{count} счёта', many: '{count} счетов', other: '{count} счёта' }, open: 'Откройте {link}' },
);

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate(catalog, 'en', 'hello', { name: 'Ann' })).toBe('Hello, Ann');
    expect(translate(catalog, 'ru', 'hello', { name: 'Аня' })).toBe('Привет, Аня');
    expect(translate(catalog, 'en', 'hello')).toBe('Hello, {name}');
  });

  it('picks the plural form of the language', () => {
    expect(translate(catalog, 'en', 'bills', { count: 1 })).toBe('1 bill');
    expect(translate(catalog, 'en', 'bills', { count: 5 })).toBe('5 bills');
    expect(translate(catalog, 'ru', 'bills', { count: 1 })).toBe('1 счёт');
    expect(translate(catalog, 'ru', 'bills', { count: 3 })).toBe('3 счёта');
    expect(translate(catalog, 'ru', 'bills', { count: 11 })).toBe('11 счетов');
    expect(translate(catalog, 'ru', 'bills', { count: 21 })).toBe('21 счёт');
  });

  it('puts elements into a sentence', () => {
    const node = translateRich(catalog, 'en', 'open', { link: <a href="/x">the explorer</a> });
    expect(isValidElement(node)).toBe(true);
    expect(renderToStaticMarkup(<>{node}</>)).toBe('Open <a href="/x">the explorer</a> now');
  });
});

describe('localeFromLanguages', () => {
  it('takes the first language it speaks', () => {
    expect(localeFromLanguages(['ru-RU', 'en'])).toBe('ru');
    expect(localeFromLanguages(['de-DE', 'ru'])).toBe('ru');
    expect(localeFromLanguages(['de-DE', 'fr'])).toBe('en');
    expect(localeFromLanguages([])).toBe('en');
  });
});
