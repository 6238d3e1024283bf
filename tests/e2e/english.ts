/**
 * What the Chinese page may not show: a visible text node, aria-label, title or label that holds a run of
 * more than two English words (notation, function names and the words in KEPT aside), or a raw catalog
 * key (a message whose catalog group was not loaded shows its key, e.g. "step.title").
 */
import type { Page } from 'playwright-core';

/** Words that stay as they are in both languages: notation, names of functions, methods and gates, keys. */
const KEPT = new Set([
  'sigmoid',
  'relu',
  'leaky',
  'tanh',
  'numpy',
  'or',
  'and',
  'xor',
  'bp2',
  'xavier',
  'he',
  'enter',
  'english',
  'backprop',
  'lab',
  'language',
]);

export async function englishIn(page: Page, selectors: string[]): Promise<string[]> {
  const texts = await page.evaluate((selectors) => {
    const out: string[] = [];
    for (const root of selectors.flatMap((s) => [...document.querySelectorAll(s)])) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        // code in the code panel stays code, and so does a pasted file's text
        if (parent?.checkVisibility() && !parent.closest('option[lang="en"], pre, code, textarea')) out.push(node.textContent ?? '');
      }
      for (const element of [root, ...root.querySelectorAll('*')]) {
        if (element.closest('option[lang="en"], pre, code, textarea')) continue;
        for (const attribute of ['aria-label', 'title', 'label']) {
          const value = element.getAttribute(attribute);
          if (value) out.push(value);
        }
      }
    }
    return out;
  }, selectors);
  // English is a run of more than two English words not broken by Chinese (a Chinese sentence may name np.array or ValueError)
  const englishRun = (text: string) =>
    text
      // file names and paths (docs/check.md, probe-data.json) stay as they are
      .replace(/[\w./-]+\.(md|json|py|mjs|csv|txt)\b/g, '')
      .split(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+/)
      .some((part) => (part.match(/[A-Za-z][A-Za-z’'-]+/g) ?? []).filter((word) => !KEPT.has(word.toLowerCase())).length > 2);
  // a raw key: dotted lowercase words with no space, as the catalogs name messages
  const rawKey = (text: string) => /^[a-z][a-zA-Z0-9-]*(\.[a-zA-Z0-9-]+)+$/.test(text.trim()) && !/^[a-z]+\.(csv|json|py|js|txt)$/.test(text.trim());
  return texts.filter((text) => englishRun(text) || rawKey(text));
}
