import { Link } from "@remix-run/react"
import { PAYMENT_METHOD_LABELS, type StorePastPayment } from "@fieldservice/contract"

import { invoiceDate, money } from "~/lib/invoices"

/** Payments page, "Past payments" (seed 000): when, for which invoices, how much and how. */
export function PastPayments({ payments, timeZone }: { payments: StorePastPayment[] | null; timeZone: string }) {
  return (
    <section aria-labelledby="past-payments-heading" data-testid="past-payments">
      <h2 id="past-payments-heading">Past payments</h2>
      {payments === null ? (
        <p className="muted">Your past payments can&rsquo;t be shown just now. Please try again later.</p>
      ) : payments.length === 0 ? (
        <p data-testid="past-payments-empty">No payments yet.</p>
      ) : (
        <ul className="profile-list">
          {payments.map((payment) => (
            <li key={payment.id} className="profile" data-testid="past-payment">
              <h3 className="profile__name">
                {payment.kind === "refund" ? "Refund of " : ""}
                {money(payment.amount, payment.currency_code)}
                <span className="muted"> · {invoiceDate(payment.paid_at, timeZone)}</span>
              </h3>
              <p className="profile__text">
                {payment.card ? `${payment.card.brand} card ending ${payment.card.last4}` : PAYMENT_METHOD_LABELS[payment.method]}
                {" · "}
                {payment.invoices.map((invoice, index) => (
                  <span key={invoice.id}>
                    {index ? ", " : ""}
                    <Link to={`/invoices/${encodeURIComponent(invoice.id)}`}>Invoice {invoice.number}</Link>
                  </span>
                ))}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
