import { Link } from "@remix-run/react"

/** The account statement has its own page (a period, every invoice and payment, what is owed). */
export function StatementLink() {
  return (
    <section className="card account" aria-labelledby="statement-heading" data-testid="account-statement">
      <h2 id="statement-heading">Account statement</h2>
      <p className="muted">Your invoices, payments and credit notes over a period, your balance and what is overdue, with a PDF to keep.</p>
      <p className="account__actions">
        <Link to="/invoices/statement" className="button button--secondary" aria-describedby="statement-heading">
          View statement
        </Link>
      </p>
    </section>
  )
}
