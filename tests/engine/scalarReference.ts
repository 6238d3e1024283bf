/**
 * An outside reference for the engine, written from the formulas and sharing no code with it:
 * a micrograd-style scalar autodiff (each operation keeps its value and its local gradient
 * together) and a forward pass in naive nested loops over plain number[][] matrices.
 * Gradients come from reverse-mode autodiff over the scalar graph, not from BP1–BP4.
 */

class Scalar {
  grad = 0;
  constructor(
    readonly value: number,
    /** inputs of the operation that made this value, with ∂(this)/∂(input) for each */
    readonly parents: readonly (readonly [Scalar, number])[] = [],
  ) {}

  add(other: Scalar | number): Scalar {
    const o = lift(other);
    return new Scalar(this.value + o.value, [
      [this, 1],
      [o, 1],
    ]);
  }
  sub(other: Scalar | number): Scalar {
    const o = lift(other);
    return new Scalar(this.value - o.value, [
      [this, 1],
      [o, -1],
    ]);
  }
  mul(other: Scalar | number): Scalar {
    const o = lift(other);
    return new Scalar(this.value * o.value, [
      [this, o.value],
      [o, this.value],
    ]);
  }
  div(other: Scalar | number): Scalar {
    const o = lift(other);
    return new Scalar(this.value / o.value, [
      [this, 1 / o.value],
      [o, -this.value / (o.value * o.value)],
    ]);
  }
  exp(): Scalar {
    const e = Math.exp(this.value);
    return new Scalar(e, [[this, e]]);
  }
  log(): Scalar {
    return new Scalar(Math.log(this.value), [[this, 1 / this.value]]);
  }
  tanh(): Scalar {
    const t = Math.tanh(this.value);
    return new Scalar(t, [[this, 1 - t * t]]);
  }
  /** max(z, slope·z): slope 0 is ReLU; the kink itself is never evaluated by the tests */
  leaky(slope: number): Scalar {
    return this.value > 0 ? new Scalar(this.value, [[this, 1]]) : new Scalar(slope * this.value, [[this, slope]]);
  }

  /** Reverse-mode accumulation of ∂(this)/∂(every ancestor) into `grad`. */
  backward(): void {
    const order: Scalar[] = [];
    const seen = new Set<Scalar>();
    const visit = (node: Scalar): void => {
      if (seen.has(node)) return;
      seen.add(node);
      for (const [parent] of node.parents) visit(parent);
      order.push(node);
    };
    visit(this);
    this.grad = 1;
    for (let k = order.length - 1; k >= 0; k--) {
      const node = order[k];
      for (const [parent, local] of node.parents) parent.grad += local * node.grad;
    }
  }
}

function lift(x: Scalar | number): Scalar {
  return typeof x === 'number' ? new Scalar(x) : x;
}

type ReferenceActivation = 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'linear';

/** f(z) from its definition; sigmoid is the textbook 1 / (1 + e^(−z)). */
function referenceActivate(name: ReferenceActivation, z: Scalar, leakySlope: number): Scalar {
  switch (name) {
    case 'sigmoid':
      return new Scalar(1).div(new Scalar(1).add(new Scalar(0).sub(z).exp()));
    case 'tanh':
      return z.tanh();
    case 'relu':
      return z.leaky(0);
    case 'leakyRelu':
      return z.leaky(leakySlope);
    case 'linear':
      return z;
  }
}

/** A network as the question writes it: weights[l][j][i] from neuron i of layer l to neuron j of layer l+1. */
export interface ReferenceNetwork {
  sizes: number[];
  activations: ReferenceActivation[];
  weights: number[][][];
  biases: number[][];
  leakySlope: number;
}

export interface ReferenceResult {
  cost: number;
  /** ∂C/∂weights[l][j][i] */
  gradWeights: number[][][];
  /** ∂C/∂biases[l][j] */
  gradBiases: number[][];
  /** a^L for every sample */
  outputs: number[][];
}

/**
 * Mean cost over the samples and its gradient:
 * cross-entropy C = −(1/N) Σ_s Σ_j [y ln a + (1−y) ln(1−a)], quadratic C = (1/N) Σ_s ½ Σ_j (a − y)².
 */
export function referenceCostAndGradient(net: ReferenceNetwork, inputs: number[][], targets: number[][], cost: 'crossEntropy' | 'quadratic'): ReferenceResult {
  const W = net.weights.map((m) => m.map((row) => row.map((w) => new Scalar(w))));
  const B = net.biases.map((v) => v.map((b) => new Scalar(b)));
  let total = new Scalar(0);
  const outputs: number[][] = [];
  for (let s = 0; s < inputs.length; s++) {
    let a: Scalar[] = inputs[s].map((x) => new Scalar(x));
    for (let l = 0; l < W.length; l++) {
      const next: Scalar[] = [];
      for (let j = 0; j < W[l].length; j++) {
        let z = B[l][j];
        for (let i = 0; i < a.length; i++) z = z.add(W[l][j][i].mul(a[i]));
        next.push(referenceActivate(net.activations[l], z, net.leakySlope));
      }
      a = next;
    }
    outputs.push(a.map((v) => v.value));
    for (let j = 0; j < a.length; j++) {
      const y = targets[s][j];
      const term =
        cost === 'crossEntropy'
          ? new Scalar(0).sub(
              a[j]
                .log()
                .mul(y)
                .add(
                  new Scalar(1)
                    .sub(a[j])
                    .log()
                    .mul(1 - y),
                ),
            )
          : a[j].sub(y).mul(a[j].sub(y)).mul(0.5);
      total = total.add(term);
    }
  }
  const mean = total.div(inputs.length);
  mean.backward();
  return {
    cost: mean.value,
    gradWeights: W.map((m) => m.map((row) => row.map((w) => w.grad))),
    gradBiases: B.map((v) => v.map((b) => b.grad)),
    outputs,
  };
}
