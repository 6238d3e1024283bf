"""Writes tests/engine/mathReference.json: e^x, ln x, ln(1+x), e^x − 1, tanh x, sin x, cos x, log10 x
and 10^x at 60 significant digits (mpmath), each as the nearest double and the rest (true − nearest),
for the engine's math tests: an outside reference, not the engine checked against itself.
Rebuild: python3 tests/engine/mathReference.py (needs mpmath; the seed fixes the points)."""
import json, random, struct
import mpmath as mp

mp.mp.dps = 60
rng = random.Random(20261130)

def log_uniform(lo, hi):
    return float(mp.power(10, rng.uniform(lo, hi)))

def points(gen, n, extra):
    return extra + [gen() for _ in range(n)]

CASES = {
    'exp': (mp.exp, points(lambda: rng.uniform(-745, 709.7), 120, [1.0, -1.0, 0.5, 1e-10, -1e-10, 0.34657359027997264, 709.78, -708.5, -744.0, 2.0 ** -30])),
    'log': (mp.log, points(lambda: log_uniform(-320, 308), 120, [2.0, 0.5, 1.0000001, 0.9999999, 1.4142135623730951, 0.7071067811865476, 5e-324, 1e-310, 1.7976931348623157e308])),
    'log1p': (mp.log1p, points(lambda: log_uniform(-20, 10) if rng.random() < 0.6 else -rng.uniform(0, 0.9999), 120, [-0.5, -0.29, 0.41, 1e-17, -1e-17, -0.999999, 1e300])),
    'expm1': (mp.expm1, points(lambda: rng.uniform(-40, 709), 80, [1e-8, -1e-8, 0.3, -0.3, 0.5, -0.5, 1.0, -1.0, 30.0, 56.0, 60.0])),
    'tanh': (mp.tanh, points(lambda: rng.uniform(-25, 25), 80, [1e-9, -1e-9, 0.5, -0.5, 0.99, 1.0, 1.5, 21.9, 22.0])),
    'sin': (mp.sin, points(lambda: rng.uniform(-20, 20), 80, [0.785, 2.356, 3.141592653589793, 6.283185307179586, 1e-9, 100.0, 1e5, 823549.0, 1647000.5])),
    'cos': (mp.cos, points(lambda: rng.uniform(-20, 20), 80, [0.785, 1.5707963267948966, 3.141592653589793, 0.3, 0.29, 0.8, 100.0, 1e5, 823549.0, 1647000.5])),
    'log10': (mp.log10, points(lambda: log_uniform(-320, 308), 120, [2.0, 3.0, 0.3, 1e-5, 1e22, 999.9999999999994, 5e-324])),
    'exp10': (lambda x: mp.power(10, x), points(lambda: rng.uniform(-300, 300), 80, [0.25, -0.25, 0.5, 1.5, -3.75, 2.3, 22.5])),
}

def row(f, x):
    true = f(mp.mpf(x))
    nearest = float(true)
    rest = float(true - mp.mpf(nearest))
    return [x, nearest, rest]

table = {name: [row(f, x) for x in xs] for name, (f, xs) in CASES.items()}
with open('tests/engine/mathReference.json', 'w') as out:
    out.write('{\n' + ',\n'.join(f'"{name}": [\n' + ',\n'.join(json.dumps(r) for r in rows) + '\n]' for name, rows in table.items()) + '\n}\n')
