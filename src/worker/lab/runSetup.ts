/**
 * What the training worker's runs are built from: the configuration, the user's own data (until
 * the dataset setting changes) and a loaded network (what Reset returns to). Every change is
 * checked first and undone if the run it asks for cannot be built, so a refused command changes nothing.
 */
import {
  type Dataset,
  EngineError,
  type LabConfig,
  type Network,
  type Run,
  buildRun,
  cloneNetwork,
  configError,
  configForNetwork,
  datasetError,
  namedDataset,
  networkError,
} from '../../engine';
import { watchOverflows } from './overflowLog';

export class RunSetup {
  /** the configuration of the current run, or null before the first */
  config: LabConfig | null = null;
  /** user data replacing the named dataset, until the dataset setting changes */
  private customData: Dataset | null = null;
  /** a loaded network: Reset returns to it */
  private loadedNetwork: Network | null = null;

  /**
   * Checks a new configuration against the data it would train on (user data stays only while the
   * dataset does, and not when `dropData` asks for the named dataset again); throws when refused.
   */
  checkConfig(config: LabConfig, dropData = false): void {
    if (config === null || typeof config !== 'object') throw new TypeError('configure: expected a configuration');
    // checked against the data it would train on; the user's data goes only when a run adopts a new dataset, or when asked
    const problem = configError(config, dropData ? undefined : this.customDataFor(config));
    if (problem) throw new EngineError(problem);
    if (dropData) this.customData = null;
  }

  /** The next run starts from the seed's weights, not from a loaded network. */
  forgetNetwork(): void {
    this.loadedNetwork = null;
  }

  /** A run of `config` on the current data, from the loaded network if there is one; throws (changing nothing) when it cannot be built. */
  build(config: LabConfig): { run: Run; data: Dataset } {
    const data = this.dataFor(config);
    const run = buildRun(config, data, this.loadedNetwork ? cloneNetwork(this.loadedNetwork) : undefined);
    watchOverflows(run.trainer);
    return { run, data };
  }

  /** Records the configuration the current run (or its new options) came from. */
  adopt(config: LabConfig): LabConfig {
    if (this.customDataFor(config) === undefined) this.customData = null;
    this.config = { ...config, hidden: [...config.hidden] };
    return this.config;
  }

  /** Trains on `data` from now on; `start` starts the run, and if it throws the previous data comes back. */
  loadData(data: Dataset, start: (config: LabConfig) => void): void {
    const config = this.current();
    const problem = datasetError(data);
    if (problem) throw new EngineError(problem);
    const problemWithConfig = configError(config, data);
    if (problemWithConfig) throw new EngineError(problemWithConfig);
    const previous = this.customData;
    this.customData = data;
    this.loadedNetwork = null;
    try {
      start(config);
    } catch (err) {
      this.customData = previous;
      throw err;
    }
  }

  /** Trains `network` from now on (its shape and activations become the configuration's); undone if `start` throws. */
  loadNetwork(network: Network, start: (config: LabConfig) => void): void {
    const config = this.current();
    const problem = networkError(network, this.dataFor(config));
    if (problem) throw new EngineError(problem);
    this.loadedNetwork = cloneNetwork(network);
    try {
      start(configForNetwork(config, network));
    } catch (err) {
      this.loadedNetwork = null;
      throw err;
    }
  }

  private dataFor(config: LabConfig): Dataset {
    return this.customDataFor(config) ?? namedDataset(config.dataset, config.dataSeed);
  }

  /** The user's data stays while the dataset setting does. */
  private customDataFor(config: LabConfig): Dataset | undefined {
    if (!this.customData) return undefined;
    return !this.config || this.config.dataset === config.dataset ? this.customData : undefined;
  }

  private current(): LabConfig {
    if (!this.config) throw new Error('no configuration yet: send configure first');
    return this.config;
  }
}
