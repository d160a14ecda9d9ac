import { Link } from "@remix-run/react"

import { formatAddress, type StoreCustomerAddress as Address } from "@fieldservice/contract"

export function BillingAddress({ billing }: { billing: { sameAsBooking: boolean; address: Address | null } }) {
  return (
    <section className="card account" aria-labelledby="billing-heading" data-testid="billing-address">
      <h2 id="billing-heading">Billing address</h2>
      <p data-testid="billing-address-value">{billing.sameAsBooking || !billing.address ? "Same as booking address" : formatAddress(billing.address)}</p>
      <p className="account__actions">
        <Link to="/account/billing-address" className="button button--secondary" aria-describedby="billing-heading">
          Change billing address
        </Link>
      </p>
    </section>
  )
}
