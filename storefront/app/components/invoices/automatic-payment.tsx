import { Form, Link } from "@remix-run/react"
import type { StoreAutomaticPaymentResponse } from "@fieldservice/contract"

import { invoiceDate, money } from "~/lib/invoices"

type Props = { state: StoreAutomaticPaymentResponse | null; timeZone: string; submitting: boolean }

const cardText = (card: { brand: string; last4: string }) => `${card.brand[0].toUpperCase()}${card.brand.slice(1)} ending ${card.last4}`

/**
 * Payments page, "Automatic payment" (issue #18 item 4): the customer agrees to have invoices
 * charged to their default saved card on the due date, or stops it. A plain form: works without JavaScript.
 */
export function AutomaticPayment({ state, timeZone, submitting }: Props) {
  if (!state) {
    return (
      <section aria-labelledby="automatic-payment-heading" data-testid="automatic-payment">
        <h2 id="automatic-payment-heading">Automatic payment</h2>
        <p className="muted">Automatic payment can&rsquo;t be shown just now. Please try again later.</p>
      </section>
    )
  }
  const { automatic_payment: setting, attempts } = state
  const card = setting.default_card
  const lastFailure = attempts[0]?.status === "failed" ? attempts[0] : undefined
  return (
    <section aria-labelledby="automatic-payment-heading" data-testid="automatic-payment">
      <h2 id="automatic-payment-heading">Automatic payment</h2>
      {setting.enabled ? (
        <>
          <p data-testid="automatic-payment-status">
            <span className="badge">On</span> Your invoices are charged to your default card{card ? ` (${cardText(card)})` : ""} on their due date
            {setting.consented_at ? `, as you agreed on ${invoiceDate(setting.consented_at, timeZone)}` : ""}.
          </p>
          {!card ? <p className="field-error">You have no saved card, so nothing can be charged: add a card, or pay your invoices by hand.</p> : null}
          {lastFailure ? (
            <p className="profile__text" data-testid="automatic-payment-failure">
              The last automatic payment of{" "}
              {lastFailure.amount !== null && lastFailure.currency_code ? money(lastFailure.amount, lastFailure.currency_code) : "an invoice"} didn&rsquo;t go
              through: {lastFailure.message}{" "}
              <Link to={`/invoices/${encodeURIComponent(lastFailure.invoice_id)}`}>Pay invoice {lastFailure.invoice_number ?? ""} now</Link>
            </p>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="automatic" />
            <input type="hidden" name="enabled" value="false" />
            <button type="submit" className="button button--secondary" disabled={submitting}>
              Turn off automatic payment
            </button>
          </Form>
        </>
      ) : card ? (
        <Form method="post" className="form">
          <p className="muted">
            We charge each invoice to your default card ({cardText(card)}) on its due date, including any already due. If a payment doesn&rsquo;t go through, we
            email you and try again after 1, 3 and 7 days. You can turn it off here at any time.
          </p>
          <input type="hidden" name="intent" value="automatic" />
          <input type="hidden" name="enabled" value="true" />
          <label className="choice">
            <input type="checkbox" name="agree" value="yes" required /> I agree to have my invoices charged to my default card on their due date
          </label>
          <button type="submit" className="button" disabled={submitting}>
            Turn on automatic payment
          </button>
        </Form>
      ) : (
        <p className="muted" data-testid="automatic-payment-needs-card">
          Add a card to have your invoices paid automatically on their due date.
        </p>
      )}
    </section>
  )
}
