import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, policyText } from '../../src/app/browser/csp';

describe('Content-Security-Policy', () => {
  const text = policyText();

  it('allows scripts and workers from the app only: no inline script, no eval, no blob or data workers', () => {
    expect(text).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(text).toContain("worker-src 'self';");
    // WebAssembly compilation (the sweep's kernel) but no JavaScript eval
    expect(text).not.toMatch(/'unsafe-eval'/);
    expect(CONTENT_SECURITY_POLICY['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(text).toContain("object-src 'none'");
  });

  it('has no directive that a <meta> policy ignores (which would warn in the console)', () => {
    for (const directive of ['frame-ancestors', 'report-uri', 'sandbox']) expect(text).not.toContain(directive);
  });

  it('the plugin runs at build time only and puts the meta tag first in <head>', () => {
    const plugin = contentSecurityPolicy();
    expect(plugin.apply).toBe('build');
    const hook = plugin.transformIndexHtml as { handler: () => unknown };
    expect(hook.handler()).toEqual([{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: text }, injectTo: 'head-prepend' }]);
  });
});
