import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Form, Link, useLoaderData } from "@remix-run/react"

import { Field } from "~/components/field"
import { ServiceCard, type ServiceCardData } from "~/components/service-card"

import { describeError } from "~/lib/api/api.server"
import { sortedLocations } from "~/lib/api/booking.server"
import { pageTitle } from "~/lib/meta"
import { getProfile } from "~/lib/api/profile.server"
import { formatPostcode, toServiceCard } from "~/lib/services"
import { listServices } from "~/lib/api/services.server"
import { getToken } from "~/lib/session.server"
import { DEFAULT_COUNTRY, postcodeProblem, type StoreCustomerAddress as Address } from "@fieldservice/contract"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "All services")

/** The signed-in customer's saved locations; none for visitors or when the profile can't be read. */
async function savedLocations(request: Request): Promise<Address[]> {
  const token = await getToken(request)
  if (!token) return []
  try {
    return sortedLocations(await getProfile(token))
  } catch {
    // The list works without them; the account pages deal with a session that has ended.
    return []
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams
  const typed = params.get("postal_code")?.trim().slice(0, 10) || null
  const showAll = params.get("all") === "1"
  const locations = await savedLocations(request)
  // A saved location's postcode by default (the first one), unless the customer asked for all or typed one.
  const postcode = typed ?? (showAll ? null : locations[0]?.postal_code?.trim() || null)
  const shown = postcode ? formatPostcode(postcode) : null
  const choices = locations
    .filter((location) => location.postal_code)
    .map((location) => ({
      label: `${location.address_name || "Location"} (${formatPostcode(location.postal_code)})`,
      url: `/services?postal_code=${encodeURIComponent(formatPostcode(location.postal_code))}`,
      postcode: formatPostcode(location.postal_code),
    }))
    .filter((choice) => choice.postcode !== shown)
  // A typed postcode that can't exist is named as such, not searched.
  const postcodeError = typed ? postcodeProblem(DEFAULT_COUNTRY, typed) : null
  const none = { services: [] as ServiceCardData[], postcode: shown, choices, notCovered: null as NotCovered | null, postcodeError }
  if (postcodeError) return json({ ...none, postcode: null, error: null as string | null }, { status: 400 })
  try {
    const services = await listServices(postcode ?? undefined)
    // Only services offered everywhere: the postcode is outside every area the business visits.
    const notCovered =
      postcode && !services.some((service) => service.service_areas.length > 0) ? { postcode: shown!, areas: coveredAreas(await listServices()) } : null
    return json({ ...none, services: services.map(toServiceCard), notCovered, error: null as string | null })
  } catch (error) {
    console.error("Could not load services", error)
    return json({ ...none, error: describeError(error) }, { status: 503 })
  }
}

type NotCovered = { postcode: string; areas: string[] }

/** Every postcode area some service visits, in order ("BA", "BS", "GL"). */
const coveredAreas = (services: { service_areas: string[] }[]) =>
  [...new Set(services.flatMap((service) => service.service_areas.map((area) => area.trim().toUpperCase())))].filter(Boolean).sort()

const listed = (items: string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`)

export default function AllServices() {
  const { services, postcode, choices, error, notCovered, postcodeError } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>All services</h1>
      <div className="filter" data-testid="services-filter">
        <p role="status">
          {postcode ? (
            <>
              <span data-testid="services-postcode">Showing services for {postcode}</span>
              {" · "}
              <Link to="/services?all=1">Show all</Link>
            </>
          ) : (
            <span data-testid="services-postcode">Showing all services</span>
          )}
        </p>
        {choices.length > 0 ? (
          <ul className="link-row" aria-label="Your saved locations">
            {choices.map((choice) => (
              <li key={choice.url}>
                <Link to={choice.url}>Show services for {choice.label}</Link>
              </li>
            ))}
          </ul>
        ) : null}
        <Form method="get" className="form form--inline postcode-form">
          <Field
            name="postal_code"
            id="filter-postcode"
            label="Check a postcode"
            autoComplete="postal-code"
            maxLength={10}
            defaultValue={postcode ?? ""}
            error={postcodeError ?? undefined}
          />
          <button type="submit" className="button button--secondary">
            Check
          </button>
        </Form>
      </div>
      {notCovered ? (
        <div className="notice-box" role="status" data-testid="services-not-covered">
          <p>
            <strong>We don&rsquo;t cover {notCovered.postcode} yet.</strong>
            {notCovered.areas.length ? ` We visit ${listed(notCovered.areas)} postcodes.` : null}
          </p>
          {services.length ? <p>These services are offered everywhere:</p> : null}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : services.length === 0 && !notCovered ? (
        <p data-testid="services-empty">
          {postcode ? `Sorry, we don’t offer any services in ${postcode} yet.` : "We’re updating our list of services. Please check back soon."}
        </p>
      ) : (
        <ul className="card-grid" role="list">
          {services.map((service) => (
            <li key={service.id}>
              <ServiceCard service={service} />
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
