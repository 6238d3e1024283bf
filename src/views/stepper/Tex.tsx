/**
 * KaTeX typesetting of TeX the stepper builds from numbers, notation and the catalogs' words inside
 * \text{} (never user text: no file name, label or typed value reaches it). throwOnError is off,
 * so a malformed formula shows its source in red instead of breaking the panel.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';

function renderTex(tex: string, display: boolean): string {
  return katex.renderToString(tex, { throwOnError: false, displayMode: display, strict: false, trust: false });
}

export interface TexProps {
  tex: string;
  display?: boolean;
  className?: string;
}

export function Tex({ tex, display = false, className }: TexProps) {
  const html = useMemo(() => renderTex(tex, display), [tex, display]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX's markup for TeX built from numbers and catalog words, never user text, with trust off
  return <span className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
