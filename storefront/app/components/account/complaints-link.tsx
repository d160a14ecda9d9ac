import { Link } from "@remix-run/react"

/** Complaints have their own pages: the list with each one's status, and "Report a problem". */
export function ComplaintsLink() {
  return (
    <section className="card account" aria-labelledby="complaints-heading" data-testid="account-complaints">
      <h2 id="complaints-heading">Complaints</h2>
      <p className="muted">Problems you reported and where each one stands.</p>
      <p className="account__actions">
        <Link to="/complaints" className="button button--secondary" aria-describedby="complaints-heading">
          Your complaints
        </Link>
      </p>
    </section>
  )
}
