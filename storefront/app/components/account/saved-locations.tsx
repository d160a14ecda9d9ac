import { ItemActions, ItemListSection } from "~/components/account/item-list"
import type { SectionResult } from "~/components/account/section"

import { formatAddress, type StoreCustomerAddress as Address } from "@fieldservice/contract"

export function SavedLocations({ data: locations, error }: SectionResult<Address[]>) {
  return (
    <ItemListSection
      headingId="locations-heading"
      testId="saved-locations"
      title="Saved locations"
      intro="The places where we work for you. Choose one when you book."
      error={error}
      count={locations.length}
      empty={<p data-testid="saved-locations-empty">You haven&rsquo;t saved any locations yet.</p>}
      addPath="/account/locations/new"
      addLabel="Add a location"
    >
      {locations.map((location) => {
        const headingId = `location-${location.id}`
        return (
          <li key={location.id} className="profile" data-testid="saved-location">
            <h3 id={headingId} className="profile__name" data-testid="saved-location-label">
              {location.address_name || "Location"}
            </h3>
            <p className="profile__text" data-testid="saved-location-address">
              {formatAddress(location)}
            </p>
            <ItemActions path={`/account/locations/${encodeURIComponent(location.id)}`} headingId={headingId} deleteLabel="Delete" />
          </li>
        )
      })}
    </ItemListSection>
  )
}
