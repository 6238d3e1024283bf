/** The tooltip of the hovered or focused neuron, weight or bias: its numbers from the PassRecord. */
import { formatNumber } from '../format';
import type { ItemDetails } from './details';

export interface GraphTooltipProps {
  details: ItemDetails | null;
  x: number;
  y: number;
  /** place to the left of the anchor */
  flip: boolean;
  id: string;
}

export function GraphTooltip({ details, x, y, flip, id }: GraphTooltipProps) {
  return (
    <div
      id={id}
      className="bl-tooltip bl-graph__tooltip"
      role="status"
      aria-live="polite"
      hidden={!details}
      style={flip ? { right: `calc(100% - ${x}px)`, top: y } : { left: x, top: y }}
    >
      {details && (
        <>
          <div className="bl-tooltip__head">{details.title}</div>
          <div className="bl-graph__tooltip-sub">{details.subtitle}</div>
          <table className="bl-graph__rows">
            <tbody>
              {details.rows.map((row) => (
                <tr key={row.symbol + row.name}>
                  <th scope="row">{row.symbol}</th>
                  <td className="bl-num">{formatNumber(row.value)}</td>
                  <td className="bl-graph__row-name">{row.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {details.table && (
            <table className="bl-graph__samples-table">
              <thead>
                <tr>
                  <th scope="col">sample</th>
                  {details.table.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {details.table.rows.map((row, r) => (
                  <tr key={r}>
                    <th scope="row">{row.label}</th>
                    {row.values.map((v, k) => (
                      <td key={k} className="bl-num">
                        {formatNumber(v)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {details.note && <div className="bl-graph__tooltip-note">{details.note}</div>}
        </>
      )}
    </div>
  );
}
