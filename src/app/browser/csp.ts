/**
 * The Content-Security-Policy of the production build, injected as the first <meta> of index.html
 * at build time only (the dev server needs Vite's inline HMR client, which this policy forbids).
 *
 * - scripts and workers: only the app's own files ('self'); the engine's module worker is an
 *   emitted chunk on the same origin, so no blob: or data: workers and no eval are needed.
 *   'wasm-unsafe-eval' lets the sweep workers compile the app's own WebAssembly kernel (engine/lockstep/);
 *   it allows no JavaScript eval.
 * - styles: 'self' plus 'unsafe-inline', because style attributes written as HTML (KaTeX's
 *   renderToString markup, D3's attr('style')) count as inline style; style cannot run script.
 * - images: data: and blob: for small inlined assets and the PNG export (an SVG drawn via a blob URL).
 * - nothing may embed plugins, change the base URL or post forms elsewhere.
 * frame-ancestors is left out of the meta tag: browsers ignore it there (and warn in the console).
 * A host sends it as an HTTP header instead: securityHeaders() is what `vite preview` sends (and
 * what docs/sharing.md asks a host to send), the same policy plus frame-ancestors and nosniff.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

export function policyText(policy: Readonly<Record<string, readonly string[]>> = CONTENT_SECURITY_POLICY): string {
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

/** Only the page's own origin may frame it (clickjacking); valid in an HTTP header only. */
const FRAME_ANCESTORS: readonly string[] = ["'self'"];

/** The HTTP headers a host should send with the app: the policy with frame-ancestors, and no MIME sniffing. */
export function securityHeaders(policy: Readonly<Record<string, readonly string[]>> = CONTENT_SECURITY_POLICY): Record<string, string> {
  return {
    'Content-Security-Policy': policyText({ ...policy, 'frame-ancestors': FRAME_ANCESTORS }),
    'X-Content-Type-Options': 'nosniff',
  };
}

/** Vite plugin: adds the policy meta tag to the built index.html (build only). */
export function contentSecurityPolicy(policy = CONTENT_SECURITY_POLICY): Plugin {
  return {
    name: 'backprop-lab:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policyText(policy) }, injectTo: 'head-prepend' }],
    },
  };
}
