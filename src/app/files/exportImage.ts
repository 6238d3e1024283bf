/**
 * Pictures of the views: an SVG element as a standalone .svg file, and a whole figure (its SVG
 * layers and canvases, stacked in document order) as a PNG. Browser-only.
 * A standalone SVG has no page stylesheet, so each element's computed presentation is inlined.
 */
import { type EngineMessage, engineMessage } from '../../engine';

/** The computed properties that decide how SVG shapes and text look. */
const SVG_STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'shape-rendering',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Copies the listed computed properties of `from` onto the inline style of `to` (CSSOM, so no CSP issue). */
function inlineComputedStyle(from: Element, to: Element, read: (element: Element) => CSSStyleDeclaration = (element) => getComputedStyle(element)): void {
  const computed = read(from);
  const style = (to as SVGElement).style;
  for (const property of SVG_STYLE_PROPERTIES) {
    const value = computed.getPropertyValue(property);
    if (value !== '') style.setProperty(property, value);
  }
}

/** The SVG as the text of a standalone file that looks like it does on the page. */
export function standaloneSvg(svg: SVGSVGElement, background?: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((element, k) => {
    inlineComputedStyle(element, copies[k]);
  });
  const { width, height } = svg.getBoundingClientRect();
  copy.setAttribute('xmlns', SVG_NS);
  if (!copy.hasAttribute('width')) copy.setAttribute('width', String(Math.round(width)));
  if (!copy.hasAttribute('height')) copy.setAttribute('height', String(Math.round(height)));
  if (!copy.hasAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${Math.round(width)} ${Math.round(height)}`);
  if (background) copy.style.setProperty('background', background);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

export function svgBlob(svg: SVGSVGElement, background?: string): Blob {
  return new Blob([standaloneSvg(svg, background)], { type: 'image/svg+xml;charset=utf-8' });
}

async function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(svgBlob(svg));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

export interface PngOptions {
  /** device pixels per CSS pixel; default: the screen's */
  scale?: number;
  /** painted under everything; the page's views are drawn on it */
  background?: string;
}

export type ImageResult = { ok: true; value: Blob } | { ok: false; error: EngineMessage };

/**
 * The figure as a PNG: every canvas and every outermost SVG inside it, each at its place on the
 * page, drawn in document order on a canvas that is never attached. HTML text (captions) is not drawn.
 * Resolves to an error message, never rejects.
 */
export async function figurePng(figure: Element, options: PngOptions = {}): Promise<ImageResult> {
  try {
    const scale = options.scale ?? (globalThis.devicePixelRatio || 1);
    const frame = figure.getBoundingClientRect();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(frame.width * scale));
    canvas.height = Math.max(1, Math.round(frame.height * scale));
    const context = canvas.getContext('2d');
    if (!context) return { ok: false, error: engineMessage('pngNoCanvas') };
    context.scale(scale, scale);
    context.fillStyle = options.background ?? '#ffffff';
    context.fillRect(0, 0, frame.width, frame.height);
    const layers = [...figure.querySelectorAll('canvas, svg')].filter(
      (element) => !(element instanceof SVGSVGElement && element.parentElement?.closest('svg')),
    );
    for (const layer of layers) {
      const box = layer.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const source = layer instanceof HTMLCanvasElement ? layer : await svgImage(layer as SVGSVGElement);
      context.drawImage(source, box.left - frame.left, box.top - frame.top, box.width, box.height);
    }
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    return blob ? { ok: true, value: blob } : { ok: false, error: engineMessage('pngNotEncoded') };
  } catch {
    return { ok: false, error: engineMessage('pngNotDrawn') };
  }
}
