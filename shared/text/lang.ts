// The languages the project writes in: field labels, the template, and the sentences of findings.

const Lang = { en: 'en', fr: 'fr' } as const;
type Lang = (typeof Lang)[keyof typeof Lang];

const LANGS: readonly [Lang, ...Lang[]] = [Lang.en, Lang.fr];

export { Lang, LANGS };
