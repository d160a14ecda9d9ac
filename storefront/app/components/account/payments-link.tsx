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

/** Invite friends (referral rewards): the personal link and the store credit it earns are on their own page. */
export function InviteFriendsLink() {
  return (
    <section className="card account" aria-labelledby="invite-heading" data-testid="account-invite">
      <h2 id="invite-heading">Invite friends</h2>
      <p className="muted">Share your personal link: your friend gets a welcome discount and you get store credit once their first visit is done.</p>
      <p className="account__actions">
        <Link to="/referrals" className="button button--secondary" aria-describedby="invite-heading">
          Get my link
        </Link>
      </p>
    </section>
  )
}
