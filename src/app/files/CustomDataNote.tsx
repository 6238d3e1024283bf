/** Under the Dataset control: the lab trains on the user's own data, which a shared link does not carry. */
import { useLab } from '../../store/hooks';

export function CustomDataNote() {
  const backToNamedData = useLab((s) => s.useNamedData);
  const data = useLab((s) => (s.data?.kind === 'custom' ? s.data : null));
  const dataset = useLab((s) => s.config.dataset);
  if (!data) return null;
  return (
    <p className="field__note share-data-note">
      Training on your data: {data.count.toLocaleString('en')} samples, {data.inputSize} input{data.inputSize > 1 ? 's' : ''} → {data.outputSize} target
      {data.outputSize > 1 ? 's' : ''}. It is not part of a shared link.{' '}
      <button type="button" className="link-button" onClick={() => backToNamedData()}>
        Use {dataset} again
      </button>
    </p>
  );
}
