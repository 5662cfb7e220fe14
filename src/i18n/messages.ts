// One i18n layer for every user-visible string. Each feature keeps its strings beside its code in a `messages.ts`
// (defineMessages(en, ru)): the Russian side must have every English key (the type says so) and the same
// placeholders (catalogs.test.ts says so). Messages are plain strings with {placeholders}, or plural forms picked
// by Intl.PluralRules from the `count` parameter.
import { createElement, Fragment, type ReactNode } from 'react';
import { currentLocale, useLocale, type Locale } from './locale';

export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}
export type Message = string | PluralForms;
export type MessageTable = Record<string, Message>;
export type Params = Record<string, string | number | bigint>;

export interface Catalog<K extends string> {
  en: Record<K, Message>;
  ru: Record<K, Message>;
}

export function defineMessages<K extends string>(en: Record<K, Message>, ru: Record<K, Message>): Catalog<K> {
  return { en, ru };
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
function pluralForm(locale: Locale, count: number): keyof PluralForms {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const form = rules.select(count);
  return form === 'zero' || form === 'two' ? 'other' : form;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The message's text for the locale, plural form chosen, before its placeholders are filled. */
export function pickMessage(message: Message, locale: Locale, params?: Params): string {
  if (typeof message === 'string') return message;
  const count = Number(params?.count ?? 0);
  return message[pluralForm(locale, count)] ?? message.other;
}

export function translate<K extends string>(catalog: Catalog<K>, locale: Locale, key: K, params?: Params): string {
  const text = pickMessage(catalog[locale][key] ?? catalog.en[key], locale, params);
  if (!params) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Placeholders may be elements ("Open {link}"); the text around them stays text. */
export function translateRich<K extends string>(catalog: Catalog<K>, locale: Locale, key: K, params: Record<string, ReactNode>): ReactNode {
  const text = pickMessage(catalog[locale][key] ?? catalog.en[key], locale, params as Params);
  const parts = text.split(PLACEHOLDER);
  // split with one capture group alternates text, name, text, name, …
  return createElement(
    Fragment,
    null,
    ...parts.map((part, index) => (index % 2 === 1 ? createElement(Fragment, { key: index }, part in params ? params[part] : `{${part}}`) : part)),
  );
}

export interface Translator<K extends string> {
  (key: K, params?: Params): string;
  rich(key: K, params: Record<string, ReactNode>): ReactNode;
  locale: Locale;
}

function translator<K extends string>(catalog: Catalog<K>, locale: Locale): Translator<K> {
  const t = ((key: K, params?: Params) => translate(catalog, locale, key, params)) as Translator<K>;
  t.rich = (key, params) => translateRich(catalog, locale, key, params);
  t.locale = locale;
  return t;
}

/** In a component: re-renders when the language changes. */
export function useT<K extends string>(catalog: Catalog<K>): Translator<K> {
  return translator(catalog, useLocale());
}

/** Outside React (messages built in utils, toasts, document titles): the language now. */
export function tNow<K extends string>(catalog: Catalog<K>): Translator<K> {
  return translator(catalog, currentLocale());
}
