/**
 * The English catalog. Keys are flat ("controls.presets"); plural keys end in _one/_other
 * (i18next's plural rules). zh-CN.ts must have exactly these keys (typed there, tested in
 * tests/i18n/catalogs.test.ts, which also fails on a key no source file uses).
 */
export const en = {
  'page.title': 'Backprop Lab',
  'header.title': 'Backprop Lab',
  'header.story': 'The story',
  'app.loading': 'Loading…',
  'link.badLang': 'Language (lang) in the link: expected zh-CN or en, got "{{shown}}"; kept {{kept}}.',

  'tabs.label': 'Lab mode',
  'tabs.live': 'Live lab',
  'tabs.step': 'Step through',
  'tabs.buglab': 'Bug lab',

  'landing.title': 'Why does a learner’s network learn OR but not AND?',
  'landing.text':
    'A learner wrote a small NumPy network ([2,2,1], sigmoid, cross-entropy) that learns OR but not AND. The reason is one line of the backward pass: the hidden layer’s δ takes the sigmoid’s slope at the activation a instead of at z. This lab shows it on its own runs, in {{steps}} short steps.',
  'landing.start': 'Start here',
  'landing.explore': 'Explore on my own',
} as const;

/** The shape every language's catalog has: the English keys, each with its own text. */
export type Catalog = { readonly [K in keyof typeof en]: string };
export type MessageKey = keyof typeof en;
