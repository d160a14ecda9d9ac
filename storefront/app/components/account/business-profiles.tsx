import { formatAddress, type StoreBusinessProfile as BusinessProfile } from "@fieldservice/contract"
import { ItemActions, ItemListSection } from "~/components/account/item-list"

/** The list, or why it can't be shown. */
export type BusinessProfilesResult = { profiles: BusinessProfile[]; error: string | null }

export function BusinessProfiles({ profiles, error }: BusinessProfilesResult) {
  return (
    <ItemListSection
      headingId="business-profiles-heading"
      testId="business-profiles"
      title="Business profiles"
      intro="The companies you book for. Choose one when you book and its details are printed on the invoice."
      error={error}
      count={profiles.length}
      empty={<p data-testid="business-profiles-empty">You haven&rsquo;t added any business profiles yet.</p>}
      addPath="/account/business-profiles/new"
      addLabel="Add a business profile"
    >
      {profiles.map((profile) => {
        const headingId = `business-profile-${profile.id}`
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
            <ItemActions path={`/account/business-profiles/${encodeURIComponent(profile.id)}`} headingId={headingId} deleteLabel="Delete" />
          </li>
        )
      })}
    </ItemListSection>
  )
}
