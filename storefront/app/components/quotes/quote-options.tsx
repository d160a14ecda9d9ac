import type { QuoteOption, StoreQuotePriceResponse } from "@fieldservice/contract"

import { money } from "~/lib/quotes"

export type Selection = { option_id: string; optional_line_ids: string[] }

/** One option's lines: required lines as rows, optional lines as checkboxes the customer may tick. */
function OptionLines({ option, currency, selection, open }: { option: QuoteOption; currency: string; selection: Selection; open: boolean }) {
  return (
    <table className="price-table quote-lines" data-testid="quote-lines">
      <tbody>
        {option.lines.map((line) => {
          const detail = (
            <>
              {line.description}
              {line.quantity !== 1 ? (
                <span className="muted">
                  {" "}
                  · {line.quantity} × {money(line.unit_price, currency)}
                </span>
              ) : null}
              <span className="muted"> · VAT {line.tax_rate}%</span>
            </>
          )
          return (
            <tr key={line.id}>
              <th scope="row">
                {line.optional && open ? (
                  <span className="choice choice--top">
                    <input
                      type="checkbox"
                      id={`line-${line.id}`}
                      name="optional_line_ids"
                      value={line.id}
                      defaultChecked={selection.optional_line_ids.includes(line.id)}
                      data-testid="quote-optional-line"
                    />
                    <label htmlFor={`line-${line.id}`}>
                      {detail} <span className="badge">Optional</span>
                    </label>
                  </span>
                ) : (
                  <>
                    {detail}
                    {line.optional ? <span className="badge">Optional</span> : null}
                  </>
                )}
              </th>
              <td>{money(line.subtotal, currency)}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/**
 * The options of the version sent: radio buttons to pick one (a plain heading when there is only
 * one), each with its lines. Part of the page's selection form, so it works without JavaScript.
 */
export function QuoteOptions({ options, currency, selection, open }: { options: QuoteOption[]; currency: string; selection: Selection; open: boolean }) {
  if (options.length === 1) {
    const [only] = options
    return (
      <div className="quote-option" data-testid="quote-option">
        <input type="hidden" name="option_id" value={only.id} />
        {only.description ? <p>{only.description}</p> : null}
        <OptionLines option={only} currency={currency} selection={selection} open={open} />
      </div>
    )
  }
  return (
    <fieldset className="choices choices--stacked quote-options">
      <legend>{open ? "Choose an option" : "Options"}</legend>
      {options.map((option) => (
        <div className="quote-option" key={option.id} data-testid="quote-option">
          <div className="choice">
            <input
              type="radio"
              id={`option-${option.id}`}
              name="option_id"
              value={option.id}
              defaultChecked={selection.option_id === option.id}
              disabled={!open}
              data-testid="quote-option-radio"
            />
            <label htmlFor={`option-${option.id}`}>
              <strong>{option.title}</strong> <span className="muted">from {money(option.total, currency)}</span>
            </label>
          </div>
          {option.description ? <p className="choice__detail">{option.description}</p> : null}
          <OptionLines option={option} currency={currency} selection={selection} open={open} />
        </div>
      ))}
    </fieldset>
  )
}

/** The chosen selection's totals, worked out by the server, and the deposit paid by card on accepting. */
export function QuoteTotals({ price, currency, pending }: { price: StoreQuotePriceResponse; currency: string; pending?: boolean }) {
  return (
    <table className="price-table" data-testid="quote-totals" aria-busy={pending ? true : undefined} aria-live="polite">
      <tbody>
        <tr>
          <th scope="row">Subtotal</th>
          <td data-testid="quote-subtotal">{money(price.subtotal, currency)}</td>
        </tr>
        <tr>
          <th scope="row">VAT</th>
          <td data-testid="quote-tax">{money(price.tax_total, currency)}</td>
        </tr>
        <tr className="price-table__total">
          <th scope="row">Total</th>
          <td data-testid="quote-total">{money(price.total, currency)}</td>
        </tr>
        {price.deposit > 0 ? (
          <tr>
            <th scope="row">Deposit, paid when you accept</th>
            <td data-testid="quote-deposit">{money(price.deposit, currency)}</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  )
}
