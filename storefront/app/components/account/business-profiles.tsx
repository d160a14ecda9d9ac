import { Form, Link } from "@remix-run/react"

import { formatAddress, type StoreBusinessProfile as BusinessProfile } from "@fieldservice/contract"

/** The list, or why it can't be shown. */
export type BusinessProfilesResult = { profiles: BusinessProfile[]; error: string | null }

export function BusinessProfiles({ profiles, error }: BusinessProfilesResult) {
  return (
    <section className="card account" aria-labelledby="business-profiles-heading" data-testid="business-profiles">
      <h2 id="business-profiles-heading">Business profiles</h2>
      <p className="muted">The companies you book for. Choose one when you book and its details are printed on the invoice.</p>
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : profiles.length === 0 ? (
        <p data-testid="business-profiles-empty">You haven&rsquo;t added any business profiles yet.</p>
      ) : (
        <ul className="profile-list">
          {profiles.map((profile) => {
            const headingId = `business-profile-${profile.id}`
            const path = `/account/business-profiles/${encodeURIComponent(profile.id)}`
            return (
              <li key={profile.id} className="profile" data-testid="business-profile">
                <h3 id={headingId} className="profile__name" data-testid="business-profile-name">
                  {profile.name}
                </h3>
                <dl className="details">
                  <dt>Billing email</dt>
                  <dd data-testid="business-profile-email">{profile.billing_email}</dd>
                  <dt>Address</dt>
                  <dd data-testid="business-profile-address">{formatAddress(profile)}</dd>
                  {profile.tax_id ? (
                    <>
                      <dt>Tax ID</dt>
                      <dd data-testid="business-profile-tax-id">{profile.tax_id}</dd>
                    </>
                  ) : null}
                </dl>
                <div className="profile__actions">
                  <Link to={path} className="button button--secondary" aria-describedby={headingId}>
                    Edit
                  </Link>
                  {/* Opens the edit page's "Delete this business profile?" step; nothing is deleted yet. */}
                  <Form method="post" action={path}>
                    <input type="hidden" name="intent" value="delete" />
                    <button type="submit" className="button button--secondary" aria-describedby={headingId}>
                      Delete
                    </button>
                  </Form>
                </div>
              </li>
            )
          })}
        </ul>
      )}
      <p className="profile-add">
        <Link to="/account/business-profiles/new">Add a business profile</Link>
      </p>
    </section>
  )
}
