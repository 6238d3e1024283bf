/** Under the Dataset control: the lab trains on the user's own data, which a shared link does not carry. */
import { DATASETS } from '../../../engine';
import { useLab, useLabStoreApi } from '../../../store/hooks';

export function CustomDataNote() {
  const store = useLabStoreApi();
  const data = useLab((s) => (s.data?.kind === 'custom' ? s.data : null));
  const dataset = useLab((s) => s.config.dataset);
  if (!data) return null;
  // the worker keeps user data until the dataset setting changes: change it away and back
  const backToNamed = () => {
    const { config, send } = store.getState();
    const other = DATASETS.find((name) => name !== config.dataset) ?? config.dataset;
    send({ type: 'configure', config: { ...config, dataset: other } });
    send({ type: 'configure', config });
  };
  return (
    <p className="field__note share-data-note">
      Training on your data: {data.count.toLocaleString('en')} samples, {data.inputSize} input{data.inputSize > 1 ? 's' : ''} → {data.outputSize} target
      {data.outputSize > 1 ? 's' : ''}. It is not part of a shared link.{' '}
      <button type="button" className="link-button" onClick={backToNamed}>
        Use {dataset} again
      </button>
    </p>
  );
}
