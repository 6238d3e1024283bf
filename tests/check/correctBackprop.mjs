// A correct full-batch backprop in JavaScript (nested arrays), written for these tests.
const sigmoid = (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function backward(W, b, X, Y) {
  const m = X.length;
  const gradW = W.map((w) => w.map((row) => row.map(() => 0)));
  const gradB = b.map((c) => c.map(() => 0));
  X.forEach((x, s) => {
    const activations = [x];
    W.forEach((w, l) => {
      activations.push(w.map((row, j) => sigmoid(b[l][j] + row.reduce((sum, wji, i) => sum + wji * activations[l][i], 0))));
    });
    let delta = activations[W.length].map((a, j) => a - Y[s][j]);
    for (let l = W.length - 1; l >= 0; l--) {
      W[l].forEach((row, j) => {
        gradB[l][j] += delta[j] / m;
        row.forEach((_, i) => {
          gradW[l][j][i] += (delta[j] * activations[l][i]) / m;
        });
      });
      if (l > 0) delta = activations[l].map((a, i) => W[l].reduce((sum, row, j) => sum + row[i] * delta[j], 0) * a * (1 - a));
    }
  });
  return { gradW, gradB };
}
