/**
 * Check my gradients: the probe and the harnesses to download, a place to paste or load the
 * gradients your own backprop printed, and the diagnosis (engine/diagnosis.ts) with the graph
 * coloured by relative error. Refused input gets a message and retires the diagnosis on show, so the
 * page never shows a verdict beside input it did not check.
 */
import { type ChangeEvent, useMemo, useState } from 'react';
import { withSlips } from '../../engine';
import { type Diagnosis, diagnose, layerCells } from '../../engine/diagnosis';
import { MAX_GRADIENTS_FILE_BYTES, readGradientsFile } from '../../engine/gradientFile';
import { PROBE_DATA_FILE_NAME, PROBE_NETWORK_FILE_NAME, PROBE_OPTIONS, probeData, probeDataText, probeNetwork, probeNetworkText } from '../../engine/probe';
import { CodePanel } from '../../views/codePanel/CodePanel';
import { CheckGraph } from './CheckGraph';
import { diagnosisMessage, gradientsProblemMessage, layerCellText } from './checkText';
import { useT } from '../../i18n/setup';
import { formatEpoch } from '../../views/format';

const HARNESSES = [
  { file: 'harness_numpy.py', label: 'bl.check.harness.numpy' },
  { file: 'harness_python.py', label: 'bl.check.harness.python' },
  { file: 'harness.mjs', label: 'bl.check.harness.javascript' },
] as const;

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function CheckSection() {
  const t = useT();
  const net = useMemo(probeNetwork, []);
  const data = useMemo(probeData, []);
  const [text, setText] = useState('');
  const [diagnosis, setDiagnosis] = useState<Diagnosis | null>(null);
  // what the diagnosis on show was made from (a file's name; null: the pasted text), so a refused file after it does not read as its own
  const [diagnosedFrom, setDiagnosedFrom] = useState<string | null>(null);
  // kept as a function of the language, so the message follows a switch
  const [problem, setProblem] = useState<(() => string) | null>(null);

  const refuse = (message: () => string) => {
    setProblem(() => message);
    setDiagnosis(null);
  };

  const check = (input: string, source: string | null) => {
    const parsed = readGradientsFile(input, net.sizes);
    if (!parsed.ok) {
      const message = () => gradientsProblemMessage(parsed.problem);
      refuse(source === null ? message : () => t('bl.check.fileProblem', { name: source, problem: message() }));
      return;
    }
    setProblem(null);
    setDiagnosis(diagnose(net, data, PROBE_OPTIONS, parsed.value));
    setDiagnosedFrom(source);
  };

  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_GRADIENTS_FILE_BYTES) {
      const name = file.name;
      const size = file.size;
      refuse(() => t('bl.check.fileTooLarge', { name, size: formatEpoch(size), limit: formatEpoch(MAX_GRADIENTS_FILE_BYTES) }));
      return;
    }
    const content = await file.text();
    setText(content);
    check(content, file.name);
  };

  const base = import.meta.env.BASE_URL;
  const L = net.sizes.length - 1;
  return (
    <section className="card bl-section bl-gradcheck" aria-labelledby="bl-check-title">
      <h2 id="bl-check-title" className="bl-heading">
        {t('bl.check.title')}
      </h2>
      <p className="bl-hint">{t('bl.check.hint', { shape: net.sizes.join('-'), count: data.count, n: formatEpoch(data.count) })}</p>
      <div className="bl-toolbar">
        <button type="button" className="button button--small" onClick={() => download(PROBE_NETWORK_FILE_NAME, probeNetworkText())}>
          {t('bl.check.download', { file: PROBE_NETWORK_FILE_NAME })}
        </button>
        <button type="button" className="button button--small" onClick={() => download(PROBE_DATA_FILE_NAME, probeDataText())}>
          {t('bl.check.download', { file: PROBE_DATA_FILE_NAME })}
        </button>
        {HARNESSES.map((h) => (
          <a key={h.file} className="button button--small" href={`${base}check/${h.file}`} download={h.file}>
            {t(h.label)}
          </a>
        ))}
      </div>
      <label className="bl-check__paste">
        <span className="field__label">{t('bl.check.paste')}</span>
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={4}
          spellCheck={false}
          placeholder='{"format":"backprop-lab/gradients","version":1,"gradWeights":[…],"gradBiases":[…]}'
        />
      </label>
      <div className="bl-toolbar">
        <button type="button" className="button button--small button--primary" onClick={() => check(text, null)}>
          {t('bl.check.check')}
        </button>
        <label className="button button--small">
          {t('bl.check.load')}
          <input type="file" accept=".json,application/json" className="bl-check__file" onChange={load} />
        </label>
      </div>
      {problem && (
        <p className="bl-problem" role="alert">
          {problem()}
        </p>
      )}
      {diagnosis && (
        <div className="bl-check__result">
          <p className="bl-check__source">{diagnosedFrom === null ? t('bl.check.diagnosisOfPasted') : t('bl.check.diagnosisOf', { name: diagnosedFrom })}</p>
          <p className={`bl-check__verdict is-${diagnosis.verdict === 'correct' ? 'correct' : 'slips'}`} role="status" aria-label={t('bl.check.diagnosis')}>
            {withCode(diagnosisMessage(diagnosis, L))}
          </p>
          <div className="bl-check__row">
            <CheckGraph sizes={net.sizes} parameters={diagnosis.parameters} />
            <table className="bl-check__layers" aria-label={t('bl.check.layers')}>
              <thead>
                <tr>
                  <th scope="col">{t('bl.check.layer')}</th>
                  <th scope="col">{t('bl.check.cosine')}</th>
                  <th scope="col">{t('bl.check.scale')}</th>
                </tr>
              </thead>
              <tbody>
                {[...diagnosis.layers]
                  .reverse()
                  .map((layer) => ({ layer, cells: layerCells(layer) }))
                  .map(({ layer, cells }) => (
                    <tr key={layer.layer} className={layer.layer === diagnosis.firstDepartingLayer ? 'is-first' : undefined}>
                      <th scope="row">
                        {t('bl.check.layerRow', {
                          layer: layer.layer,
                          output: layer.layer === L ? 'yes' : 'no',
                          first: layer.layer === diagnosis.firstDepartingLayer ? 'yes' : 'no',
                        })}
                      </th>
                      <td>{layerCellText(cells.cosine)}</td>
                      <td>{layerCellText(cells.scale)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          {diagnosis.matches.length > 0 && <DiagnosedCode slips={diagnosis.matches[0]} />}
        </div>
      )}
    </section>
  );
}

/** The lab's program with the diagnosed slips written in, each marked. */
function DiagnosedCode({ slips }: { slips: Diagnosis['matches'][number] }) {
  const options = withSlips(PROBE_OPTIONS, slips);
  return <CodePanel derivative={options.derivative} gradientDivisor={options.gradientDivisor} sigmoidForm={options.sigmoidForm} slips={slips} />;
}

/** A sentence with `code` between backticks, the code set as code. */
function withCode(text: string) {
  // biome-ignore lint/suspicious/noArrayIndexKey: the message's parts never move; their place is their identity
  return text.split('`').map((part, k) => (k % 2 === 1 ? <code key={k}>{part}</code> : part));
}
