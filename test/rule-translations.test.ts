// Every registered rule speaks every report language: a rule added without its Dutch and French
// words (or whose English message gained an id or placeholder the translations lack) fails here,
// whoever registers it. It reads the registry, not a list of ids, so new rules are covered at once.
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/index.js';
import { LANGS, type TranslatedLang } from '../src/types.js';

const OTHER = LANGS.filter((lang): lang is TranslatedLang => lang !== 'en');
const placeholders = (template: string): string[] => [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

describe.each(RULES.map((rule) => [rule.meta.id, rule.meta] as const))('%s', (id, meta) => {
  it.each(OTHER)(`has its words in %s`, (lang) => {
    const text = meta.translations?.[lang];
    expect(text, `rule ${id} has no "${lang}" in meta.translations`).toBeDefined();
    for (const field of ['title', 'legalBasis', 'plainWords'] as const) {
      expect(text![field]?.trim(), `rule ${id}: translations.${lang}.${field} is empty`).toBeTruthy();
    }
    // A copied English title is a missing translation that looks present.
    expect(text!.title, `rule ${id}: translations.${lang}.title is the English title`).not.toBe(meta.title);
  });

  it.each(OTHER)(`has every message in %s, with the same placeholders`, (lang) => {
    const messages = meta.translations?.[lang]?.messages ?? {};
    expect(Object.keys(messages).sort(), `rule ${id}: translations.${lang}.messages ids`).toEqual(Object.keys(meta.messages).sort());
    for (const [messageId, english] of Object.entries(meta.messages)) {
      expect(placeholders(messages[messageId] ?? ''), `rule ${id}: translations.${lang}.messages.${messageId}`).toEqual(placeholders(english));
      expect(messages[messageId], `rule ${id}: translations.${lang}.messages.${messageId} is the English text`).not.toBe(english);
    }
  });
});
