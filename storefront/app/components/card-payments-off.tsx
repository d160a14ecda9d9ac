/** Said where cards would be managed when the business has no card payments (Stripe) set up. */
export function CardPaymentsOff() {
  return (
    <div className="notice-box" data-testid="card-payments-off">
      <p>
        <strong>Card payments aren&rsquo;t set up yet.</strong>
      </p>
      <p>You can&rsquo;t save a card here for now. When you book, you pay the team on the day.</p>
    </div>
  )
}
