import { Form, Link, useNavigation } from "@remix-run/react"
import { formatMoney, type StoreGiftVoucherOptions } from "@fieldservice/contract"

import { FormAlert } from "~/components/field"
import { RichText } from "~/components/rich-text"
import { calendarDayText } from "~/lib/gift-vouchers"
import type { Overview, PurchaseValues } from "~/lib/gift-voucher-purchase.server"

/** The step 1 answers, carried through the overview so "Change" and "Pay" get them all back. */
function CarriedValues({ values }: { values: PurchaseValues }) {
  const { service_ids, ...single } = values
  return (
    <>
      {Object.entries(single).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {service_ids.filter(Boolean).map((id, index) => (
        <input key={`${index}-${id}`} type="hidden" name="service_ids" value={id} />
      ))}
    </>
  )
}

/** Step 2: what is bought, for whom, when, the card, the terms, then "Pay". */
export function BuyOverview({
  result,
  options,
  today,
}: {
  result: { values: PurchaseValues; overview: Overview; idempotencyKey: string; formError?: string; termsError?: boolean }
  options: StoreGiftVoucherOptions
  today: string
}) {
  const { overview, values, idempotencyKey, formError, termsError } = result
  const submitting = useNavigation().state === "submitting"
  const money = (amount: number) => formatMoney(amount, overview.currency_code)
  return (
    <Form method="post" className="form" data-testid="gift-voucher-overview">
      <h2>Check your gift voucher</h2>
      <FormAlert message={formError} />
      <CarriedValues values={values} />
      <input type="hidden" name="idempotency_key" value={idempotencyKey} />
      <dl className="details" data-testid="gift-overview-details">
        <dt>Voucher</dt>
        <dd data-testid="gift-overview-what">
          {overview.kind === "amount" ? (
            `${money(overview.total)} to spend on any of our services`
          ) : (
            <table className="price-table">
              <tbody>
                {overview.services.map((service, index) => (
                  <tr key={index}>
                    <th scope="row">
                      {service.title}
                      {service.option_title ? <span className="muted"> · {service.option_title}</span> : null}
                    </th>
                    <td>{money(service.price)}</td>
                  </tr>
                ))}
                <tr className="price-table__total">
                  <th scope="row">Total</th>
                  <td>{money(overview.total)}</td>
                </tr>
              </tbody>
            </table>
          )}
        </dd>
        <dt>For</dt>
        <dd data-testid="gift-overview-recipient">
          {overview.recipient_name} ({overview.recipient_email})
        </dd>
        {overview.message ? (
          <>
            <dt>Your message</dt>
            <dd className="pre-line">{overview.message}</dd>
          </>
        ) : null}
        <dt>Delivery</dt>
        <dd data-testid="gift-overview-delivery">{overview.deliver_on === today ? "Today" : calendarDayText(overview.deliver_on)}</dd>
        <dt>Valid</dt>
        <dd>
          For {options.validity_months} month{options.validity_months === 1 ? "" : "s"} from the day it is sent
        </dd>
        <dt>Card</dt>
        <dd>{overview.card}</dd>
      </dl>

      {options.terms ? (
        <article className="terms" data-testid="gift-terms">
          <h3>{options.terms.title}</h3>
          <p className="muted">Version {options.terms.version}</p>
          <RichText text={options.terms.body} />
        </article>
      ) : null}
      <div className="choice choice--top">
        <input
          type="checkbox"
          id="agree_terms"
          name="agree_terms"
          value="yes"
          aria-invalid={termsError ? true : undefined}
          aria-describedby={termsError ? "form-error" : undefined}
          data-testid="gift-agree"
        />
        <label htmlFor="agree_terms">
          I agree to the gift voucher terms
          {options.terms ? null : (
            <>
              {" "}
              (see <Link to="/support">Help &amp; support</Link>)
            </>
          )}
        </label>
      </div>
      <p className="profile__actions">
        <button type="submit" name="intent" value="pay" className="button" disabled={submitting} data-testid="gift-pay">
          Pay {money(overview.total)}
        </button>
        <button type="submit" name="intent" value="change" className="button button--secondary" data-testid="gift-change">
          Change
        </button>
      </p>
    </Form>
  )
}
