/** The views on show, for picture export: each figure with a name, and whether it is vector (SVG) at heart. */

export interface FigureInfo {
  name: string;
  element: HTMLElement;
  /** the SVG that carries the view, when no big canvas does */
  svg: SVGSVGElement | null;
}

const area = (element: Element) => {
  const box = element.getBoundingClientRect();
  return box.width * box.height;
};

/** Named figures in the open tab panel (or the whole page). */
export function visibleFigures(root: ParentNode = document): FigureInfo[] {
  const panel = root.querySelector('[role="tabpanel"]') ?? root;
  return [...panel.querySelectorAll<HTMLElement>('figure[aria-label]')]
    .filter((figure) => area(figure) > 0)
    .map((figure) => {
      const svgs = [...figure.querySelectorAll<SVGSVGElement>('svg')].filter((svg) => !svg.parentElement?.closest('svg'));
      const biggestSvg = svgs.reduce<SVGSVGElement | null>((best, svg) => (best === null || area(svg) > area(best) ? svg : best), null);
      const biggestCanvas = Math.max(0, ...[...figure.querySelectorAll('canvas')].map(area));
      // small canvases (the graph's neuron heatmaps) do not make a view raster
      const vector = biggestSvg !== null && biggestCanvas < 0.25 * area(biggestSvg);
      return { name: figure.getAttribute('aria-label') ?? 'view', element: figure, svg: vector ? biggestSvg : null };
    });
}
