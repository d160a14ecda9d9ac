import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useLoaderData } from "@remix-run/react"

import { stepPath } from "~/lib/booking"
import { failWith, sortedLocations } from "~/lib/api/booking.server"
import { pageTitle } from "~/lib/meta"
import { getProfile } from "~/lib/api/profile.server"
import { formatPostcode, fromPrice } from "~/lib/services"
import { listServices } from "~/lib/api/services.server"
import { requireToken } from "~/lib/session.server"
import type { StoreService as Service } from "@fieldservice/contract"
import { OfficeContact } from "~/components/office-contact"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Book a service")

/** "Book a service": choose what, then the booking steps. Offers what we do at the first saved location. */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const chosen = new URL(request.url).searchParams.get("service")
  if (chosen) throw redirect(stepPath(chosen, "option"))
  let services: Service[]
  let postcode: string | null
  try {
    const [first] = sortedLocations(await getProfile(token))
    postcode = first?.postal_code ? formatPostcode(first.postal_code) : null
    services = await listServices(postcode ?? undefined)
    if (!services.length && postcode) {
      services = await listServices()
      postcode = null
    }
  } catch (error) {
    return failWith(request, error)
  }
  return json({
    postcode,
    services: services.map((service) => ({
      handle: service.handle,
      title: service.title,
      fromPrice: fromPrice(service.starting_rate, service.currency_code, { midSentence: true }),
    })),
  })
}

export default function BookAService() {
  const { services, postcode } = useLoaderData<typeof loader>()
  return (
    <section className="narrow">
      <h1>Book a service</h1>
      {services.length === 0 ? (
        <p>
          There is nothing to book online right now. Please <OfficeContact /> to arrange a visit.
        </p>
      ) : (
        <Form method="get" className="form">
          <fieldset className="choices choices--stacked">
            <legend>What would you like us to do?</legend>
            {postcode ? <p className="field-hint field-hint--full">{`Services we offer in ${postcode}.`}</p> : null}
            {services.map((service, index) => (
              <div className="choice" key={service.handle}>
                <input type="radio" id={`service-${service.handle}`} name="service" value={service.handle} defaultChecked={index === 0} required />
                <label htmlFor={`service-${service.handle}`}>
                  {service.title}
                  <span className="muted"> · {service.fromPrice}</span>
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button">
            Continue
          </button>
        </Form>
      )}
      <p>
        <Link to={postcode ? "/services" : "/services?all=1"}>Read about our services</Link>
      </p>
    </section>
  )
}
