import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"

import { describeError } from "~/lib/api/api.server"
import { stepPath } from "~/lib/booking"
import { pageTitle } from "~/lib/meta"
import { formatDuration, formatLengthAdjective, formatMoney, fromPrice } from "~/lib/services"
import { getService } from "~/lib/api/services.server"
import { getGiftVoucherOptions } from "~/lib/api/gift-vouchers.server"
import { getToken } from "~/lib/session.server"
import type { StoreServiceDetail as ServiceDetail } from "@fieldservice/contract"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.service.title ?? "Service")

export async function loader({ request, params }: LoaderFunctionArgs) {
  let service: ServiceDetail | null
  try {
    service = await getService(params.handle ?? "")
  } catch (error) {
    console.error("Could not load service", error)
    throw new Response(describeError(error), { status: 503 })
  }
  if (!service) throw new Response("Service not found", { status: 404 })
  const signedIn = Boolean(await getToken(request))
  // "Buy as a gift" only for a service sold as a voucher; without the offer the page shows as before.
  const gifts = await getGiftVoucherOptions().catch(() => null)
  const giftable = Boolean(gifts?.enabled && gifts.services.some((item) => item.product_id === service.id))
  return json({
    signedIn,
    giftUrl: giftable ? `/gift-cards/buy?service=${encodeURIComponent(service.id)}` : null,
    service: {
      title: service.title,
      handle: service.handle,
      summary: service.summary,
      description: service.description,
      thumbnail: service.thumbnail,
      fromPrice: fromPrice(service.starting_rate, service.currency_code),
      duration: formatDuration(service.duration_minutes),
      window: formatLengthAdjective(service.window_minutes),
      areas: service.service_areas,
      options: service.variants.map((variant) => ({
        id: variant.id,
        title: variant.title,
        price: variant.price === null ? "Price on request" : formatMoney(variant.price, service.currency_code),
      })),
      optionName: service.variants[0]?.options[0]?.title ?? "Option",
    },
  })
}

export default function ServicePage() {
  const { service, signedIn, giftUrl } = useLoaderData<typeof loader>()
  const bookUrl = stepPath(service.handle, "option")
  return (
    <article className="service" data-testid="service-page">
      <p className="muted">
        <Link to="/services">All services</Link>
      </p>
      <h1>{service.title}</h1>
      {service.thumbnail ? <img src={service.thumbnail} alt="" className="service__image" /> : null}
      {service.description ? <p className="service__description">{service.description}</p> : null}
      <dl className="details">
        <dt>Price</dt>
        <dd data-testid="service-price">{service.fromPrice}</dd>
        <dt>Duration</dt>
        <dd data-testid="service-duration">About {service.duration}</dd>
        <dt>Arrival</dt>
        <dd data-testid="service-arrival">You choose a {service.window} arrival window; we arrive within it.</dd>
        <dt>Where</dt>
        <dd>{service.areas.length ? `Postcodes starting ${service.areas.join(", ")}` : "Everywhere we work"}</dd>
      </dl>
      {service.options.length > 0 ? (
        <section aria-labelledby="options-heading">
          <h2 id="options-heading">Options and prices</h2>
          <table className="price-table" data-testid="service-options">
            <thead>
              <tr>
                <th scope="col">{service.optionName}</th>
                <th scope="col">Price</th>
              </tr>
            </thead>
            <tbody>
              {service.options.map((option) => (
                <tr key={option.id}>
                  <th scope="row">{option.title}</th>
                  <td>{option.price}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <p className="service__book">
        <Link to={bookUrl} className="button">
          Schedule an appointment
        </Link>
        {giftUrl ? (
          <>
            {" "}
            <Link to={giftUrl} className="button button--secondary" data-testid="service-buy-gift">
              Buy as a gift
            </Link>
          </>
        ) : null}
      </p>
      {signedIn ? null : <p className="muted">You&rsquo;ll be asked to sign in or create an account first.</p>}
    </article>
  )
}
