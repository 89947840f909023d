// Prices per million tokens, one row per model; rows can be added for a new model and removed.
import type { ConfigErrors, PriceRow } from "./configForm";

const COLUMNS = [
  ["inputPerMTok", "Input"],
  ["cachedInputPerMTok", "Cached input"],
  ["outputPerMTok", "Output"],
] as const;

interface PricingTableProps {
  rows: PriceRow[];
  errors: ConfigErrors;
  onChange: (rows: PriceRow[]) => void;
}

export function PricingTable({ rows, errors, onChange }: PricingTableProps) {
  const set = (index: number, patch: Partial<PriceRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const errorOf = (index: number, column: string) => errors[`pricing.${index}.${column}`];
  return (
    <fieldset className="config-fieldset">
      <legend>Prices (USD per million tokens)</legend>
      {errors.pricing && (
        <p className="field-error" data-testid="pricing-error">
          Prices: {errors.pricing}
        </p>
      )}
      <table className="pricing-table" data-testid="pricing-table">
        <thead>
          <tr>
            <th scope="col">Model</th>
            {COLUMNS.map(([, label]) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} data-testid="pricing-row">
              <td>
                <input
                  aria-label={`Model ${index + 1} name`}
                  value={row.model}
                  onChange={(event) => set(index, { model: event.target.value })}
                  aria-invalid={errorOf(index, "model") ? true : undefined}
                  data-testid={`pricing-${index}-model`}
                />
                {errorOf(index, "model") && (
                  <p className="field-error">{errorOf(index, "model")}</p>
                )}
              </td>
              {COLUMNS.map(([column, label]) => (
                <td key={column}>
                  <input
                    inputMode="decimal"
                    aria-label={`${label} price for ${row.model || `model ${index + 1}`}`}
                    placeholder={column === "cachedInputPerMTok" ? "same as input" : undefined}
                    value={row[column]}
                    onChange={(event) => set(index, { [column]: event.target.value })}
                    aria-invalid={errorOf(index, column) ? true : undefined}
                    data-testid={`pricing-${index}-${column}`}
                  />
                  {errorOf(index, column) && (
                    <p className="field-error">{errorOf(index, column)}</p>
                  )}
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="button button-ghost button-small"
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                >
                  Remove<span className="visually-hidden"> {row.model}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() =>
          onChange([
            ...rows,
            { model: "", inputPerMTok: "", cachedInputPerMTok: "", outputPerMTok: "" },
          ])
        }
      >
        Add a model
      </button>
    </fieldset>
  );
}
