import { Form, Link } from "@remix-run/react"

import type { SectionResult } from "~/components/account/section"

import { formatAddress, type StoreCustomerAddress as Address } from "@fieldservice/contract"

export function SavedLocations({ data: locations, error }: SectionResult<Address[]>) {
  return (
    <section className="card account" aria-labelledby="locations-heading" data-testid="saved-locations">
      <h2 id="locations-heading">Saved locations</h2>
      <p className="muted">The places where we work for you. Choose one when you book.</p>
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : locations.length === 0 ? (
        <p data-testid="saved-locations-empty">You haven&rsquo;t saved any locations yet.</p>
      ) : (
        <ul className="profile-list">
          {locations.map((location) => {
            const headingId = `location-${location.id}`
            const path = `/account/locations/${encodeURIComponent(location.id)}`
            return (
              <li key={location.id} className="profile" data-testid="saved-location">
                <h3 id={headingId} className="profile__name" data-testid="saved-location-label">
                  {location.address_name || "Location"}
                </h3>
                <p className="profile__text" data-testid="saved-location-address">
                  {formatAddress(location)}
                </p>
                <div className="profile__actions">
                  <Link to={path} className="button button--secondary" aria-describedby={headingId}>
                    Edit
                  </Link>
                  {/* Opens the edit page's "Delete this location?" step; nothing is deleted yet. */}
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
        <Link to="/account/locations/new">Add a location</Link>
      </p>
    </section>
  )
}
