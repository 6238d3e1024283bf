/**
 * The flags every command shares, and how they become a LabConfig, a dataset and (with --network)
 * a starting network. Defaults come from the engine's DEFAULT_CONFIG or a --preset; flags override.
 */
import {
  type AnySetting,
  CONFIG_SETTINGS,
  DEFAULT_CONFIG,
  type Dataset,
  type LabConfig,
  type Network,
  PRESETS,
  SHAPE_LIMITS,
  type SettingFlag,
  configError,
  describeRange,
  namedDataset,
} from '../engine';
import { UsageError } from './errors';
import { type FlagSpec, type FlagTable, type FlagValues, readChoice, readIntList, readSettingFlag } from './flags';
import { loadDataFile, loadNetworkFile } from './files';
import { describeConfig } from './format';
import { englishText } from './english';

/** A setting's flag, its placeholder and its help: the table's sentence, its range or choices, its default. */
function settingFlag(setting: AnySetting): FlagSpec {
  const shown = (value: unknown) => (Array.isArray(value) ? value.join(',') : String(value));
  const accepts =
    setting.kind === 'number'
      ? `${englishText(describeRange(setting))}${setting.zero ? `, ${setting.zero}` : ''}`
      : setting.kind === 'choice'
        ? `one of ${setting.choices.join(', ')}`
        : setting.kind === 'list'
          ? `at most ${setting.maxItems} layers of ${setting.min} to ${setting.max} neurons, "none" for no hidden layer`
          : '';
  if (setting.kind === 'switch') return { kind: 'boolean', help: setting.help };
  const value = setting.kind === 'number' ? (setting.whole ? 'N' : 'X') : setting.kind === 'list' ? 'LIST' : 'NAME';
  return { kind: 'string', value, help: `${setting.help}; ${accepts} (default ${shown(setting.defaultValue)})` };
}

/** The flags of the settings table, in its order, keyed by flag name. */
const SETTING_FLAGS = Object.fromEntries(
  Object.values(CONFIG_SETTINGS as Record<string, AnySetting>).flatMap((setting) => (setting.flag ? [[setting.flag, settingFlag(setting)]] : [])),
) as Record<SettingFlag, FlagSpec>;

export const CONFIG_FLAGS = {
  preset: { kind: 'string', value: 'ID', help: `start from a preset: ${PRESETS.map((p) => p.id).join(', ')}` },
  data: { kind: 'string', value: 'FILE', help: 'your own data: CSV with a header x1,…,y1,… or JSON {"inputs": [[…]], "targets": [[…]]}' },
  network: { kind: 'string', value: 'FILE', help: 'start from a network file (its shape and activations)' },
  layers: { kind: 'string', value: 'LIST', help: 'all layer sizes, e.g. 2,4,1 (inputs and outputs must fit the data)' },
  ...SETTING_FLAGS,
} as const satisfies FlagTable;

/** Every flag of every command, so a flag used with the wrong command gets a fitting message. */
export const ALL_FLAG_NAMES: readonly string[] = [...Object.keys(CONFIG_FLAGS), 'out', 'inits', 'threads', 'tolerance', 'force', 'json', 'help'];

export interface Setup {
  config: LabConfig;
  data: Dataset;
  /** the starting network read from --network FILE, or null to draw one from the seed */
  fileNetwork: Network | null;
}

const str = (values: FlagValues, name: string): string | undefined => {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
};

/** Flags that describe the network's shape or weights, which --network FILE already fixes. */
const SHAPE_FLAGS = ['layers', 'hidden', 'hidden-activation', 'output-activation', 'init', 'leaky-slope'] as const;

/** The settings read in readSetup's own order: the data first, then the shape, then the rest by the table. */
const SET_BEFORE = new Set<keyof LabConfig>(['dataSeed', 'dataset', 'hidden']);

export function readSetup(values: FlagValues): Setup {
  const presetId = str(values, 'preset');
  const preset =
    presetId === undefined
      ? null
      : PRESETS.find(
          (p) =>
            p.id ===
            readChoice(
              'preset',
              presetId,
              PRESETS.map((p) => p.id),
            ),
        );
  const config: LabConfig = { ...(preset?.config ?? DEFAULT_CONFIG), hidden: [...(preset?.config ?? DEFAULT_CONFIG).hidden] };
  const setFromFlag = (field: keyof LabConfig): void => {
    const setting = CONFIG_SETTINGS[field] as AnySetting;
    const given = setting.flag === null ? undefined : values[setting.flag];
    if (setting.flag === null || given === undefined || given === false) return;
    (config as unknown as Record<string, unknown>)[field] = readSettingFlag(setting.flag, setting, String(given));
  };

  setFromFlag('dataSeed');
  const datasetName = str(values, 'dataset');
  const dataFile = str(values, 'data');
  if (datasetName !== undefined && dataFile !== undefined) throw new UsageError('--dataset and --data both name the data; give one of them');
  setFromFlag('dataset');
  const data = dataFile === undefined ? namedDataset(config.dataset, config.dataSeed) : loadDataFile(dataFile);

  const networkFile = str(values, 'network');
  let fileNetwork: Network | null = null;
  if (networkFile !== undefined) {
    const clash = SHAPE_FLAGS.find((flag) => values[flag] !== undefined);
    if (clash) throw new UsageError(`--${clash}: the network's shape and weights come from --network ${networkFile}; give one of them`);
    fileNetwork = readNetworkFile(networkFile, data);
    const sizes = fileNetwork.sizes;
    config.hidden = sizes.slice(1, -1);
    if (config.hidden.length > 0) config.hiddenActivation = fileNetwork.activations[0];
    config.outputActivation = fileNetwork.activations[fileNetwork.activations.length - 1];
    config.leakySlope = fileNetwork.leakySlope;
  } else {
    readShape(values, config, data);
  }
  for (const field of Object.keys(CONFIG_SETTINGS) as (keyof LabConfig)[]) if (!SET_BEFORE.has(field)) setFromFlag(field);

  const problem = configError(config, data);
  if (problem) throw new UsageError(englishText(problem));
  return { config, data, fileNetwork };
}

function readShape(values: FlagValues, config: LabConfig, data: Dataset): void {
  const layers = str(values, 'layers');
  const hidden = str(values, 'hidden');
  if (layers !== undefined && hidden !== undefined) throw new UsageError('--layers and --hidden both set the shape; give one of them');
  if (hidden !== undefined) config.hidden = readSettingFlag('hidden', CONFIG_SETTINGS.hidden, hidden) as number[];
  if (layers !== undefined) {
    const sizes = readIntList('layers', layers, 1, Math.max(SHAPE_LIMITS.maxInputs, SHAPE_LIMITS.maxHiddenNeurons, SHAPE_LIMITS.maxOutputs));
    if (sizes.length < 2 || sizes[0] !== data.inputSize || sizes[sizes.length - 1] !== data.outputSize)
      throw new UsageError(
        `--layers: ${data.name} has ${data.inputSize} input(s) and ${data.outputSize} output(s), so the sizes must start with ${data.inputSize} and end with ${data.outputSize}, got ${layers}`,
      );
    config.hidden = sizes.slice(1, -1);
  }
}

function readNetworkFile(path: string, data: Dataset): Network {
  const net = loadNetworkFile(path);
  const nIn = net.sizes[0];
  const nOut = net.sizes[net.sizes.length - 1];
  if (nIn !== data.inputSize || nOut !== data.outputSize)
    throw new UsageError(
      `--network ${path}: the network takes ${nIn} input(s) and gives ${nOut} output(s), but ${data.name} has ${data.inputSize} input(s) and ${data.outputSize} target(s) per sample`,
    );
  return net;
}

/** The readable reports' first line: the run's settings, and where its weights came from. */
export function describeSetup(setup: Setup): string {
  return describeConfig(setup.config, setup.data) + (setup.fileNetwork ? ' · weights from --network' : '');
}
