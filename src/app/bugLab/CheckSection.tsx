/**
 * Check my gradients: the probe and the harnesses to download, a place to paste or load the
 * gradients your own backprop printed, and the diagnosis (engine/diagnosis.ts) with the graph
 * coloured by relative error. Bad input gets a message and keeps the last diagnosis.
 */
import { problemText } from '../../i18n/messageText';
import { type ChangeEvent, useMemo, useState } from 'react';
import {
  type Diagnosis,
  MAX_GRADIENTS_FILE_BYTES,
  PROBE_DATA_FILE_NAME,
  PROBE_NETWORK_FILE_NAME,
  PROBE_OPTIONS,
  diagnose,
  parseGradientsFile,
  probeData,
  probeDataText,
  probeNetwork,
  probeNetworkText,
  withSlips,
} from '../../engine';
import { CodePanel } from '../../views/codePanel/CodePanel';
import { CheckGraph } from './CheckGraph';

const HARNESSES = [
  { file: 'harness_numpy.py', label: 'NumPy harness' },
  { file: 'harness_python.py', label: 'plain Python harness' },
  { file: 'harness.mjs', label: 'JavaScript harness' },
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

const fixed = (x: number) => (Number.isFinite(x) ? x.toFixed(6) : '—');

export function CheckSection() {
  const net = useMemo(probeNetwork, []);
  const data = useMemo(probeData, []);
  const [text, setText] = useState('');
  const [diagnosis, setDiagnosis] = useState<Diagnosis | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const check = (input: string) => {
    const parsed = parseGradientsFile(input, net.sizes);
    if (!parsed.ok) {
      setProblem(problemText(parsed.error));
      return;
    }
    setProblem(null);
    setDiagnosis(diagnose(net, data, PROBE_OPTIONS, parsed.value));
  };

  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_GRADIENTS_FILE_BYTES) {
      setProblem(`${file.name} is ${file.size} bytes, over the 1 MB limit (${MAX_GRADIENTS_FILE_BYTES}); a probe's gradients take under 2 kB`);
      return;
    }
    const content = await file.text();
    setText(content);
    check(content);
  };

  const base = import.meta.env.BASE_URL;
  const L = net.sizes.length - 1;
  return (
    <section className="card bl-section bl-check" aria-labelledby="bl-check-title">
      <h2 id="bl-check-title" className="bl-heading">
        Check my gradients
      </h2>
      <p className="bl-hint">
        Run your own backward pass once on the probe (a {net.sizes.join('-')} sigmoid network, {data.count} samples, mean cross-entropy) with a harness, paste
        the JSON it prints, and the lab names the slip, or pair of slips, that makes exactly your gradients. docs/check.md gives the contract.
      </p>
      <div className="bl-toolbar">
        <button type="button" className="button button--small" onClick={() => download(PROBE_NETWORK_FILE_NAME, probeNetworkText())}>
          Download {PROBE_NETWORK_FILE_NAME}
        </button>
        <button type="button" className="button button--small" onClick={() => download(PROBE_DATA_FILE_NAME, probeDataText())}>
          Download {PROBE_DATA_FILE_NAME}
        </button>
        {HARNESSES.map((h) => (
          <a key={h.file} className="button button--small" href={`${base}check/${h.file}`} download={h.file}>
            {h.label}
          </a>
        ))}
      </div>
      <label className="bl-check__paste">
        <span className="field__label">Your gradients (JSON)</span>
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={4}
          spellCheck={false}
          placeholder='{"format":"backprop-lab/gradients","version":1,"gradWeights":[…],"gradBiases":[…]}'
        />
      </label>
      <div className="bl-toolbar">
        <button type="button" className="button button--small button--primary" onClick={() => check(text)}>
          Check
        </button>
        <label className="button button--small">
          Load gradients file
          <input type="file" accept=".json,application/json" className="bl-check__file" onChange={load} />
        </label>
      </div>
      {problem && (
        <p className="bl-problem" role="alert">
          {problem}
        </p>
      )}
      {diagnosis && (
        <div className="bl-check__result">
          <p className={`bl-check__verdict is-${diagnosis.verdict}`} role="status" aria-label="Diagnosis">
            {/* biome-ignore lint/suspicious/noArrayIndexKey: the message's parts never move; their place is their identity */}
            {diagnosis.message.split('`').map((part, k) => (k % 2 === 1 ? <code key={k}>{part}</code> : part))}
          </p>
          <div className="bl-check__row">
            <CheckGraph sizes={net.sizes} parameters={diagnosis.parameters} />
            <table className="bl-check__layers" aria-label="Direction and scale per layer">
              <thead>
                <tr>
                  <th scope="col">layer</th>
                  <th scope="col">cosine (direction)</th>
                  <th scope="col">norm ratio (scale)</th>
                </tr>
              </thead>
              <tbody>
                {[...diagnosis.layers].reverse().map((layer) => (
                  <tr key={layer.layer} className={layer.layer === diagnosis.firstDepartingLayer ? 'is-first' : undefined}>
                    <th scope="row">
                      {layer.layer}
                      {layer.layer === L ? ' (output)' : ''}
                      {layer.layer === diagnosis.firstDepartingLayer ? ' · first departs' : ''}
                    </th>
                    <td>{fixed(layer.cosine)}</td>
                    <td>{fixed(layer.scale)}</td>
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
