import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"

import { FormStatus } from "~/components/field"
import { ServiceCard, type ServiceCardData } from "~/components/service-card"
import { describeError } from "~/lib/api/api.server"
import { pageTitle } from "~/lib/meta"
import { toServiceCard } from "~/lib/services"
import { listServices } from "~/lib/api/services.server"
import { PendingRatingsPrompt } from "~/components/rating-stars"
import { getPendingRatings } from "~/lib/api/ratings.server"
import { getToken } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Our services")

export async function loader({ request }: LoaderFunctionArgs) {
  const signedOut = new URL(request.url).searchParams.has("signed_out")
  // A signed-in customer's completed visits waiting for a rating ("How was your visit? Rate it").
  const token = signedOut ? undefined : await getToken(request)
  const pending = token ? await getPendingRatings(token).catch(() => []) : []
  try {
    const services = await listServices()
    return json({ services: services.map(toServiceCard), error: null as string | null, signedOut, pending })
  } catch (error) {
    console.error("Could not load services", error)
    return json({ services: [] as ServiceCardData[], error: describeError(error), signedOut, pending }, { status: 503 })
  }
}

export default function Services() {
  const { services, error, signedOut, pending } = useLoaderData<typeof loader>()
  return (
    <>
      {signedOut ? (
        <FormStatus testId="signed-out">
          <p>You&rsquo;re signed out. See you next time.</p>
        </FormStatus>
      ) : null}
      <PendingRatingsPrompt pending={pending} />
      <h1>Our services</h1>
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : services.length === 0 ? (
        <p>We&rsquo;re updating our list of services. Please check back soon.</p>
      ) : (
        <>
          <p>
            <Link to="/services">See which services we offer where you are, and book</Link>
          </p>
          <ul className="card-grid" role="list">
            {services.map((service) => (
              <li key={service.id}>
                <ServiceCard service={service} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  )
}
