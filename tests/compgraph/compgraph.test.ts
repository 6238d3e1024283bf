import { describe, expect, test } from 'vitest';
import { layoutCompGraph } from '../../src/views/compgraph/layout';
import { type CompGraph, buildCompGraph, compGraphProblem } from '../../src/views/compgraph/model';
import { TABLE_COLUMN_LIMIT } from '../../src/views/stepper/kit';
import { buildStep, passSteps } from '../../src/views/stepper/steps';
import type { StepContext, ValueRef } from '../../src/views/stepper/types';
import { contextOf, expectedValue, scenarios } from '../stepper/fixtures';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

/** Every number the stepper shows for a sample, by where it reads it from. */
function stepperNumbers(ctx: StepContext): Map<string, number> {
  const shown = new Map<string, number>();
  const steps = passSteps(ctx.network.sizes);
  for (let k = 0; k < steps.length; k++) {
    for (const table of buildStep(ctx, k)?.tables ?? [])
      for (const row of table.rows) for (const cell of row.cells) if (cell.ref && cell.value !== null) shown.set(JSON.stringify(cell.ref), cell.value);
  }
  return shown;
}

function everyNeuron(sizes: readonly number[]): Array<{ layer: number; j: number }> {
  return sizes.slice(1).flatMap((n, k) => Array.from({ length: n }, (_, j) => ({ layer: k + 1, j })));
}

const node = (graph: CompGraph, id: string) => {
  const found = graph.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
};

describe('the computational graph reads the stepper’s numbers', () => {
  for (const scenario of scenarios()) {
    test(`${scenario.name}: every recorded node equals the stepper’s cell for the same place, and the record`, () => {
      const sample = Math.min(1, scenario.data.count - 1);
      const ctx = contextOf(scenario, sample);
      const shown = stepperNumbers(ctx);
      let matched = 0;
      for (const choice of everyNeuron(scenario.network.sizes)) {
        expect(compGraphProblem(ctx, choice, sample)).toBeNull();
        const graph = buildCompGraph(ctx, choice, sample);
        for (const n of graph.nodes) {
          const refs: Array<[ValueRef | undefined, number | null]> = [
            [n.valueRef, n.value],
            [n.gradRef, n.grad],
          ];
          for (const [ref, value] of refs) {
            if (!ref || value === null) continue;
            if (ref.kind !== 'constant') expect(value, `${n.label} against the record`).toBe(expectedValue(ref, ctx, scenario.network));
            const stepper = shown.get(JSON.stringify(ref));
            if (stepper !== undefined) {
              expect(value, `${n.label} against the stepper`).toBe(stepper);
              matched++;
            }
          }
        }
        // z and δ of the chosen neuron are among the stepper's cells (wide tables show the first columns)
        if (choice.j >= TABLE_COLUMN_LIMIT) continue;
        expect(shown.get(JSON.stringify(node(graph, 'z').valueRef))).toBe(node(graph, 'z').value);
        expect(shown.get(JSON.stringify(node(graph, 'z').gradRef))).toBe(node(graph, 'z').grad);
      }
      expect(matched).toBeGreaterThan(0);
    });

    test(`${scenario.name}: the graph's arithmetic holds (Σ w·a + b = z, ∂C/∂w = δ·a, Σₖ shares × f′ used = δ)`, () => {
      const sample = 0;
      const ctx = contextOf(scenario, sample);
      const L = scenario.network.sizes.length - 1;
      for (const choice of everyNeuron(scenario.network.sizes)) {
        const graph = buildCompGraph(ctx, choice, sample);
        if (graph.omittedInputs > 0) continue;
        const products = graph.nodes.filter((n) => n.kind === 'product');
        const z = node(graph, 'z');
        expect(close(products.reduce((s, p) => s + p.value, 0) + node(graph, 'b').value, z.value)).toBe(true);
        products.forEach((_, i) => {
          expect(close(node(graph, `w${i}`).grad!, z.grad! * node(graph, `a${i}`).value)).toBe(true);
        });
        expect(node(graph, 'b').grad).toBe(z.grad);
        const f = node(graph, 'f');
        if (choice.layer < L) {
          const fz = ctx.pass.layers[choice.layer - 1].fPrimeAtZ[sample * scenario.network.sizes[choice.layer] + choice.j];
          const fa = ctx.pass.layers[choice.layer - 1].fPrimeAtA[sample * scenario.network.sizes[choice.layer] + choice.j];
          const used = scenario.options.derivative === 'buggy' ? fa : fz;
          expect(Math.abs(f.grad! * used - z.grad!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(z.grad!)));
          const shares = graph.edges.filter((e) => e.from === 'f').map((e) => e.share!);
          if (graph.omittedDownstream === 0)
            expect(
              close(
                shares.reduce((s, v) => s + v, 0),
                f.grad!,
              ),
            ).toBe(true);
        } else {
          expect(node(graph, 'C').value).toBe(ctx.pass.sampleCosts[sample]);
        }
      }
    });
  }

  test('with the buggy derivative the hidden f node shows the f′(a) it uses beside the true f′(z)', () => {
    const scenario = scenarios()[0];
    expect(scenario.options.derivative).toBe('buggy');
    const ctx = contextOf(scenario, 2);
    const graph = buildCompGraph(ctx, { layer: 1, j: 0 }, 2);
    const notes = node(graph, 'f').notes.join(' | ');
    expect(notes).toMatch(/uses f′\(a\) = /);
    expect(notes).toMatch(/true f′\(z\) = /);
    const correct = buildCompGraph({ ...ctx, settings: { ...ctx.settings, derivative: 'correct' } }, { layer: 1, j: 0 }, 2);
    expect(node(correct, 'f').notes.join(' | ')).not.toMatch(/uses f′\(a\)/);
  });

  test('a neuron or sample the pass does not have is named, not drawn', () => {
    const ctx = contextOf(scenarios()[0], 0);
    expect(compGraphProblem(ctx, { layer: 3, j: 0 }, 0)).toMatch(/no neuron 1 in layer 3/);
    expect(compGraphProblem(ctx, { layer: 2, j: 0 }, 9)).toMatch(/Sample 10 does not exist/);
  });
});

describe('the computational graph layout', () => {
  for (const scenario of scenarios()) {
    test(`${scenario.name}: boxes never overlap, edges run left to right, products sit level with their pair`, () => {
      const ctx = contextOf(scenario, 0, false);
      for (const choice of everyNeuron(scenario.network.sizes)) {
        const graph = buildCompGraph(ctx, choice, 0);
        const layout = layoutCompGraph(graph);
        const boxes = [...layout.boxes.values()];
        expect(boxes).toHaveLength(graph.nodes.length);
        for (const [k, a] of boxes.entries()) {
          expect(a.x).toBeGreaterThanOrEqual(0);
          expect(a.y).toBeGreaterThanOrEqual(0);
          expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
          expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
          for (const b of boxes.slice(k + 1)) {
            const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
            expect(apart, `${a.id} and ${b.id}`).toBe(true);
          }
        }
        expect(layout.edges).toHaveLength(graph.edges.length);
        for (const edge of layout.edges) expect(edge.x1).toBeLessThan(edge.x2);
        for (const product of graph.nodes.filter((n) => n.kind === 'product')) {
          const i = product.id.slice(1);
          const p = layout.boxes.get(product.id)!;
          const top = layout.boxes.get(`a${i}`)!.y;
          const w = layout.boxes.get(`w${i}`)!;
          expect(Math.abs(p.y + p.height / 2 - (top + w.y + w.height) / 2)).toBeLessThan(1e-9);
        }
      }
    });
  }
});
