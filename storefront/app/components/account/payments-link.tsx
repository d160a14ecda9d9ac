import { Link } from "@remix-run/react"

/** Saved cards have their own page (they live with Stripe, so they're read there). */
export function PaymentsLink() {
  return (
    <section className="card account" aria-labelledby="payments-heading" data-testid="account-payments">
      <h2 id="payments-heading">Payments</h2>
      <p className="muted">Your saved cards: add one, choose your default, or remove one.</p>
      <p className="account__actions">
        <Link to="/account/payments" className="button button--secondary" aria-describedby="payments-heading">
          Manage saved cards
        </Link>
      </p>
    </section>
  )
}
