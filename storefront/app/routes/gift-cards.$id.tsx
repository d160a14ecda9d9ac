import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"
import { formatLongDate, formatMoney, type StoreGiftVoucher, type StoreGiftVoucherOptions } from "@fieldservice/contract"

import { FormStatus } from "~/components/field"
import { businessTimeZone, isNotFound } from "~/lib/api/booking.server"
import { getGiftVoucher, getGiftVoucherOptions, voucherProblem } from "~/lib/api/gift-vouchers.server"
import { stepPath } from "~/lib/booking"
import { deliveryText, onDayText, voucherStatusText, voucherTitle } from "~/lib/gift-vouchers"
import { pageTitle } from "~/lib/meta"
import { dayKey } from "~/lib/services"
import { requireToken, signOutIfRefused } from "~/lib/session.server"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? voucherTitle(data.voucher) : "Gift voucher")

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const timeZone = businessTimeZone()
  let voucher: StoreGiftVoucher
  try {
    voucher = await getGiftVoucher(token, params.id ?? "")
  } catch (error) {
    if (isNotFound(error)) throw new Response("Gift voucher not found", { status: 404 })
    const problem = voucherProblem(error)
    await signOutIfRefused(request, problem)
    throw new Response(problem.message, { status: problem.status >= 500 ? 503 : problem.status })
  }
  // Only for the services' booking links: the page still shows without them.
  const options: StoreGiftVoucherOptions | null = await getGiftVoucherOptions().catch(() => null)
  const handles = Object.fromEntries((options?.services ?? []).map((service) => [service.product_id, service.handle]))
  return json({ voucher, handles, timeZone, today: dayKey(new Date(), timeZone), done: new URL(request.url).searchParams.get("done") })
}

function ThankYou({ voucher, today }: { voucher: StoreGiftVoucher; today: string }) {
  return (
    <FormStatus testId="gift-voucher-done">
      <p>
        {voucher.delivered_at
          ? `Thank you! Your voucher has been emailed to ${voucher.recipient_name}.`
          : `Thank you! Your voucher will be emailed to ${voucher.recipient_name} ${onDayText(voucher.deliver_on, today)}.`}
      </p>
    </FormStatus>
  )
}

/** Where to book with the voucher: each service still unused, or any service for an amount. */
function BookLinks({ voucher, handles }: { voucher: StoreGiftVoucher; handles: Record<string, string> }) {
  if (voucher.status !== "active") return null
  if (voucher.kind === "amount") {
    return (
      <p className="account__actions">
        <Link to="/services" className="button" data-testid="gift-voucher-book">
          Schedule an appointment
        </Link>
      </p>
    )
  }
  const unused = voucher.services.filter((service) => !service.booking_id && handles[service.product_id])
  // One link per service, though the voucher may pay for it twice.
  const links = unused.filter((service, index) => unused.findIndex((other) => other.product_id === service.product_id) === index)
  if (!links.length) return null
  return (
    <p className="profile__actions">
      {links.map((service) => (
        <Link key={service.product_id} to={stepPath(handles[service.product_id], "option")} className="button" data-testid="gift-voucher-book">
          {links.length === 1 ? "Schedule an appointment" : `Schedule ${service.title}`}
        </Link>
      ))}
    </p>
  )
}

export default function GiftVoucherPage() {
  const { voucher, handles, timeZone, today, done } = useLoaderData<typeof loader>()
  const money = (amount: number) => formatMoney(amount, voucher.currency_code)
  return (
    <section data-testid="gift-voucher-page">
      <h1>
        {voucherTitle(voucher)}{" "}
        <span className="badge" data-testid="gift-voucher-status">
          {voucherStatusText(voucher.status)}
        </span>
      </h1>
      {done === "bought" ? <ThankYou voucher={voucher} today={today} /> : null}
      {voucher.code ? (
        <div className="notice-box">
          <p className="muted">Voucher code</p>
          <p className="voucher-code" data-testid="gift-voucher-code">
            {voucher.code}
          </p>
        </div>
      ) : null}
      <dl className="details">
        <dt>Value</dt>
        <dd>{money(voucher.value)}</dd>
        <dt>Left to spend</dt>
        <dd data-testid="gift-voucher-balance">{money(voucher.balance)}</dd>
        <dt>Status</dt>
        <dd>{voucherStatusText(voucher.status)}</dd>
        {voucher.expires_at ? (
          <>
            <dt>{voucher.status === "expired" ? "Expired" : "Expires"}</dt>
            <dd data-testid="gift-voucher-expiry">{formatLongDate(voucher.expires_at, timeZone)}</dd>
          </>
        ) : null}
        <dt>For</dt>
        <dd>
          {voucher.recipient_name} ({voucher.recipient_email})
        </dd>
        {voucher.message ? (
          <>
            <dt>Message</dt>
            <dd className="pre-line">{voucher.message}</dd>
          </>
        ) : null}
        <dt>Delivery</dt>
        <dd data-testid="gift-voucher-delivery">{deliveryText(voucher, timeZone)}</dd>
        {voucher.invoice_id ? (
          <>
            <dt>Invoice</dt>
            <dd>
              <Link to={`/invoices/${voucher.invoice_id}`} data-testid="gift-voucher-invoice">
                View the invoice
              </Link>
            </dd>
          </>
        ) : null}
      </dl>
      {voucher.spent.length ? (
        <section aria-labelledby="gift-spent-heading">
          <h2 id="gift-spent-heading">Spent on</h2>
          <ul className="plain-list" data-testid="gift-voucher-spent">
            {voucher.spent.map((use) => (
              <li key={use.booking_id}>
                <Link to={`/bookings/${use.booking_id}`}>
                  {use.service_title} ({use.booking_number})
                </Link>
                : {money(use.amount)} on {formatLongDate(use.at, timeZone)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {voucher.kind === "services" ? (
        <section aria-labelledby="gift-services-heading">
          <h2 id="gift-services-heading">Services it pays for</h2>
          <table className="price-table" data-testid="gift-voucher-services">
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Price</th>
                <th scope="col">Booked</th>
              </tr>
            </thead>
            <tbody>
              {voucher.services.map((service, index) => (
                <tr key={index}>
                  <th scope="row">
                    {service.title}
                    {service.option_title ? <span className="muted"> · {service.option_title}</span> : null}
                  </th>
                  <td>{money(service.price)}</td>
                  <td>{service.booking_id ? "Booked" : "Not yet"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <BookLinks voucher={voucher} handles={handles} />
      <p>
        <Link to="/gift-cards">Back to gift cards</Link>
      </p>
    </section>
  )
}
