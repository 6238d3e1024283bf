/** Under the Dataset control: the lab trains on the user's own data, which a shared link does not carry. */
import { useLab } from '../../store/hooks';
import { useT } from '../../i18n/setup';
import { formatEpoch } from '../../views/format';

export function CustomDataNote() {
  const backToNamedData = useLab((s) => s.useNamedData);
  const data = useLab((s) => (s.data?.kind === 'custom' ? s.data : null));
  const dataset = useLab((s) => s.config.dataset);
  const t = useT();
  if (!data) return null;
  return (
    <p className="field__note share-data-note">
      {t('customData.note', { count: data.count, n: formatEpoch(data.count), inputs: data.inputSize, targets: data.outputSize })}{' '}
      <button type="button" className="link-button" onClick={() => backToNamedData()}>
        {t('customData.back', { dataset })}
      </button>
    </p>
  );
}
