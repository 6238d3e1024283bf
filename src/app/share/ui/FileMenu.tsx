/**
 * The header's File menu: import and export the network file, export the cost history as CSV and
 * each view on show as PNG (and SVG where the view is vector), and load your own data.
 * A disclosure (a button and a list of buttons), so every item is a plain, labelled button.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { MAX_NETWORK_FILE_BYTES } from '../../../engine';
import { useLab, useLabStoreApi } from '../../../store/hooks';
import type { LabState } from '../../../store/types';
import { downloadBlob, downloadText, readFileText } from '../browser';
import { figurePng, svgBlob } from '../exportImage';
import { costHistoryCsv, exportFileName, exportNetworkText, importNetworkText, safeFileStem } from '../files';
import { sendAndAwaitRun } from './awaitAnswer';
import { DataDialog } from './DataDialog';
import { type FigureInfo, visibleFigures } from './figures';
import { useInViewport } from './useInViewport';

type Message = { tone: 'ok' | 'bad'; text: string };

function nameParts(state: LabState) {
  const network = state.snapshot?.network ?? state.initialNetwork;
  return { dataset: state.data?.kind === 'custom' ? 'custom' : state.config.dataset, sizes: network?.sizes, seed: state.config.seed, epoch: state.snapshot?.epoch ?? state.run.epoch };
}

export function FileMenu() {
  const store = useLabStoreApi();
  const hasNetwork = useLab((s) => s.snapshot !== null);
  const epochs = useLab((s) => s.history.length);
  const [open, setOpen] = useState(false);
  const [dataOpen, setDataOpen] = useState(false);
  const [figures, setFigures] = useState<FigureInfo[]>([]);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  // wherever the header puts the button, the menu and the message stay inside the window
  useInViewport(menuRef, open);
  useInViewport(messageRef, message);

  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  // Escape or a click elsewhere closes the menu
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) close(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const toggle = () => {
    if (!open) setFigures(visibleFigures());
    setOpen(!open);
  };

  const exportNetwork = () => {
    const state = store.getState();
    const network = state.snapshot?.network;
    if (!network) return;
    downloadText(exportNetworkText(network), exportFileName('network', 'json', nameParts(state)), 'application/json');
    setMessage({ tone: 'ok', text: `Saved the network at epoch ${state.snapshot?.epoch ?? 0}.` });
    close();
  };

  const exportCosts = () => {
    const state = store.getState();
    const { costs, length } = state.history;
    downloadText(costHistoryCsv(costs.subarray(0, length)), exportFileName('cost', 'csv', { ...nameParts(state), epoch: length }), 'text/csv');
    setMessage({ tone: 'ok', text: `Saved the cost history (${length.toLocaleString('en')} epochs).` });
    close();
  };

  const exportPicture = async (figure: FigureInfo, kind: 'png' | 'svg') => {
    const name = exportFileName(safeFileStem(figure.name.toLowerCase()), kind, nameParts(store.getState()));
    close();
    if (kind === 'svg' && figure.svg) {
      downloadBlob(svgBlob(figure.svg, '#ffffff'), name);
      setMessage({ tone: 'ok', text: `Saved the ${figure.name.toLowerCase()} as SVG.` });
      return;
    }
    const png = await figurePng(figure.element);
    if (!png.ok) return setMessage({ tone: 'bad', text: png.error });
    downloadBlob(png.value, name);
    setMessage({ tone: 'ok', text: `Saved the ${figure.name.toLowerCase()} as PNG.` });
  };

  const importNetwork = async (file: File | undefined) => {
    if (fileRef.current) fileRef.current.value = '';
    if (!file) return;
    const text = await readFileText(file, MAX_NETWORK_FILE_BYTES);
    if (!text.ok) return setMessage({ tone: 'bad', text: `Network file: ${text.error}. The network was not changed.` });
    const read = importNetworkText(text.value);
    if (!read.ok) return setMessage({ tone: 'bad', text: `${read.error}. The network was not changed.` });
    setBusy(true);
    const answer = await sendAndAwaitRun(store, { type: 'loadNetwork', network: read.value });
    setBusy(false);
    setMessage(
      answer.ok
        ? { tone: 'ok', text: `Loaded a ${read.value.sizes.join('-')} network from the file; Reset returns to it.` }
        : { tone: 'bad', text: `Network file: ${answer.error}. The network was not changed.` },
    );
  };

  return (
    <div className="share-file" ref={rootRef}>
      <button ref={buttonRef} type="button" className="button" aria-expanded={open} aria-controls={menuId} onClick={toggle}>
        File <span aria-hidden="true">▾</span>
      </button>
      <input ref={fileRef} type="file" accept=".json,application/json" hidden aria-hidden="true" tabIndex={-1} onChange={(e) => void importNetwork(e.target.files?.[0])} />
      {open && (
        <div id={menuId} ref={menuRef} className="share-file__menu" role="group" aria-label="File">
          <p className="share-file__group">Network</p>
          <button type="button" className="share-file__item" disabled={busy} onClick={() => (close(false), fileRef.current?.click())}>
            Import network file…
          </button>
          <button type="button" className="share-file__item" disabled={!hasNetwork} onClick={exportNetwork}>
            Export network file (JSON)
          </button>
          <p className="share-file__group">Data</p>
          <button type="button" className="share-file__item" onClick={() => (close(false), setDataOpen(true))}>
            Your own data (CSV)…
          </button>
          <button type="button" className="share-file__item" disabled={epochs === 0} onClick={exportCosts}>
            Export cost history (CSV)
          </button>
          {figures.length > 0 && <p className="share-file__group">Pictures of the views</p>}
          {figures.map((figure) => (
            <div key={figure.name} className="share-file__row">
              <span className="share-file__name">{figure.name}</span>
              <button type="button" className="share-file__item share-file__item--format" aria-label={`${figure.name} as PNG`} onClick={() => void exportPicture(figure, 'png')}>
                PNG
              </button>
              {figure.svg && (
                <button type="button" className="share-file__item share-file__item--format" aria-label={`${figure.name} as SVG`} onClick={() => void exportPicture(figure, 'svg')}>
                  SVG
                </button>
              )}
            </div>
          ))}
        </div>
      )}
      {message && (
        <p ref={messageRef} className={`share-file__message is-${message.tone}`} role={message.tone === 'bad' ? 'alert' : 'status'}>
          <span>{message.text}</span>
          <button type="button" className="icon-button" aria-label="Dismiss file message" onClick={() => setMessage(null)}>
            ×
          </button>
        </p>
      )}
      <DataDialog open={dataOpen} onClose={() => setDataOpen(false)} onLoaded={(text) => setMessage({ tone: 'ok', text })} />
    </div>
  );
}
