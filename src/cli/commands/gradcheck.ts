/** `backprop-lab gradcheck`: the analytic gradient against central differences, parameter by parameter. */
import { DEFAULT_GRADCHECK_TOLERANCE, type GradientCheck, type ParameterCheck, buildRun, gradientCheck, layoutOf, sizesOf } from '../../engine';
import { checkGradcheckBudget } from '../budgets';
import { EXIT_CHECK_FAILED } from '../errors';
import { FORCE_FLAG, parseFlags, readNumber } from '../flags';
import { INDEX_NOTE, num, parameterSymbol, table } from '../format';
import { COMMON_FLAGS, helpText, wantsHelp, without } from '../help';
import { type CliIo, progressOn } from '../io';
import { ALL_FLAG_NAMES, CONFIG_FLAGS, type Setup, describeSetup, readSetup } from '../setup';

const GRADCHECK_FLAGS = {
  ...without(CONFIG_FLAGS, 'epochs', 'batch-size', 'learning-rate', 'freeze-biases'),
  tolerance: { kind: 'string', value: 'X', help: `largest relative error that passes (default ${DEFAULT_GRADCHECK_TOLERANCE})` },
  ...FORCE_FLAG,
  ...COMMON_FLAGS,
} as const;

const GRADCHECK_HELP = helpText(
  'backprop-lab gradcheck [flags]',
  'Compares the gradient backprop computes (BP1–BP4, under --derivative and --gradient-divisor) with a\nnumeric estimate from central differences, for every weight and bias. Exit code 1 above --tolerance.',
  GRADCHECK_FLAGS,
  [
    'examples:',
    '  backprop-lab gradcheck --dataset XOR --hidden 2            (passes)',
    '  backprop-lab gradcheck --dataset XOR --hidden 2 --derivative buggy   (fails: f′(a) is not f′(z))',
    '--json prints {parameters: [{name, layer, kind, j, i, analytic, numeric, relativeError, kink}], maxRelativeError, worst, tolerance, passed};',
    'there j, i and the names W^l[j][i], b^l[j] are 0-based array indices, while the readable table counts from 1 (w^l_ji, b^l_j).',
    'A parameter whose ±h moves some ReLU or leaky-ReLU unit’s z across 0 is at a kink, where the difference quotient is no',
    'derivative: it is listed as "kink" and not checked (left out of the largest error and the verdict), as on the page.',
    "A check costs about 4·P²·N multiply-adds (P parameters, N samples); beyond the page's budget it is refused unless --force.",
  ],
);

/** W^l[j][i] or b^l[j] with 0-based array indices, the JSON report's name (the readable table prints w^l_ji, 1-based). */
function parameterName(p: Pick<ParameterCheck, 'kind' | 'layer' | 'j' | 'i'>): string {
  return p.kind === 'weight' ? `W^${p.layer}[${p.j}][${p.i}]` : `b^${p.layer}[${p.j}]`;
}

export interface GradcheckReport {
  parameters: (ParameterCheck & { name: string })[];
  maxRelativeError: number;
  worst: (ParameterCheck & { name: string }) | null;
  tolerance: number;
  passed: boolean;
}

function gradcheckSetup(
  setup: Setup,
  tolerance: number,
  onParameter?: (done: number, total: number) => void,
): { check: GradientCheck; report: GradcheckReport } {
  const { net, data, trainer } = buildRun(setup.config, setup.data, setup.fileNetwork ?? undefined);
  const check = gradientCheck(net, data, trainer.options, undefined, onParameter);
  const named = (p: ParameterCheck) => ({ name: parameterName(p), ...p });
  return {
    check,
    report: {
      parameters: check.parameters.map(named),
      maxRelativeError: check.maxRelativeError,
      worst: check.worst ? named(check.worst) : null,
      tolerance,
      passed: check.maxRelativeError <= tolerance,
    },
  };
}

function readable(setup: Setup, report: GradcheckReport): string {
  const rows = report.parameters.map((p) => [
    parameterSymbol(p),
    num(p.analytic, 8),
    num(p.numeric, 8),
    num(p.relativeError, 3),
    p.kink ? 'kink' : p.relativeError > report.tolerance ? 'FAIL' : 'ok',
  ]);
  const worst = report.worst ? ` at ${parameterSymbol(report.worst)}` : '';
  return [
    describeSetup(setup),
    INDEX_NOTE,
    '',
    table(['parameter', 'analytic ∂C/∂θ', 'numeric', 'relative error', 'check'], rows, [0, 4]),
    '',
    `largest relative error ${num(report.maxRelativeError, 3)}${worst}: ${report.passed ? 'within' : 'ABOVE'} the tolerance ${num(report.tolerance)}`,
    report.passed ? 'gradient check passed' : 'gradient check FAILED',
    '',
  ].join('\n');
}

export async function gradcheckCommand(argv: readonly string[], io: CliIo): Promise<number> {
  if (wantsHelp(argv)) {
    io.out(GRADCHECK_HELP);
    return 0;
  }
  const values = parseFlags('gradcheck', argv, GRADCHECK_FLAGS, ALL_FLAG_NAMES);
  const setup = readSetup(values);
  const tolerance = values.tolerance === undefined ? DEFAULT_GRADCHECK_TOLERANCE : readNumber('tolerance', values.tolerance as string, { min: 0 });
  const sizes = sizesOf(setup.config, setup.data);
  checkGradcheckBudget(sizes, setup.data.count, values.force === true);
  const progress = progressOn(io, 'gradient check: parameters', layoutOf(sizes).parameterCount);
  const { report } = gradcheckSetup(setup, tolerance, (done) => progress.tick(done));
  progress.end();
  io.out(values.json ? `${JSON.stringify(report)}\n` : readable(setup, report));
  return report.passed ? 0 : EXIT_CHECK_FAILED;
}
