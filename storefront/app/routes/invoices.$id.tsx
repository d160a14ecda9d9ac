import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"
import { BUSINESS_LOCALE, PAYMENT_METHOD_LABELS } from "@fieldservice/contract"

import { FormStatus } from "~/components/field"
import { MessageUsLink } from "~/components/messages/message-us-link"
import { toProblem } from "~/lib/api/api.server"
import { businessTimeZone } from "~/lib/api/booking.server"
import { getInvoice } from "~/lib/api/invoices.server"
import { canPay, invoiceDate, invoiceStatusText, money, payLink } from "~/lib/invoices"
import { pageTitle } from "~/lib/meta"
import { requireToken, signOutIfRefused } from "~/lib/session.server"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.invoice ? `Invoice ${data.invoice.number}` : "Invoice")

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const paid = new URL(request.url).searchParams.get("done") === "paid"
  try {
    return json({ invoice: await getInvoice(token, params.id ?? ""), paid, timeZone: businessTimeZone() })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    if (problem.status === 404) throw new Response("Invoice not found", { status: 404 })
    throw new Response(problem.message, { status: 503 })
  }
}

/** A calendar day (YYYY-MM-DD) as the portal writes dates: "31 January 2027". */
const dayText = (day: string) =>
  new Intl.DateTimeFormat(BUSINESS_LOCALE, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`))

/** Seed 000's "View invoice": who it is to and from, the lines with their tax, totals, payments, the PDF and Pay. */
export default function InvoicePage() {
  const { invoice, paid, timeZone } = useLoaderData<typeof loader>()
  const cur = invoice.currency_code
  return (
    <section className="narrow" data-testid="invoice-page">
      <h1>
        Invoice {invoice.number}
        <span className={invoice.overdue ? "badge badge--danger" : "badge"} data-testid="invoice-status">
          {invoiceStatusText(invoice)}
        </span>
      </h1>
      {paid ? (
        <FormStatus testId="invoice-paid-notice">
          <p>Thank you: your payment went through and a receipt is on its way by email.</p>
        </FormStatus>
      ) : null}
      <dl className="details">
        <dt>Issued</dt>
        <dd>{invoiceDate(invoice.issued_at, timeZone)}</dd>
        <dt>Due</dt>
        <dd>{invoiceDate(invoice.due_at, timeZone)}</dd>
        {invoice.period ? (
          <>
            <dt>Period</dt>
            <dd data-testid="invoice-period">
              {invoice.period.starts_on ? `${dayText(invoice.period.starts_on)} to ` : "To "}
              {dayText(invoice.period.closes_on)}
            </dd>
          </>
        ) : null}
        <dt>Billed to</dt>
        <dd>{[invoice.bill_to.name, invoice.bill_to.company, ...invoice.bill_to.address_lines].filter(Boolean).join(", ")}</dd>
        {invoice.bill_to.tax_id ? (
          <>
            <dt>Tax ID</dt>
            <dd>{invoice.bill_to.tax_id}</dd>
          </>
        ) : null}
        <dt>From</dt>
        <dd>{[invoice.seller.name, ...invoice.seller.address_lines].filter(Boolean).join(", ")}</dd>
      </dl>
      <h2>What it is for</h2>
      <table className="price-table" data-testid="invoice-lines">
        <tbody>
          {invoice.lines.map((line) => (
            <tr key={line.id}>
              <th scope="row">
                {line.description}
                {line.visit_date ? <span className="muted"> · {invoiceDate(line.visit_date, timeZone)}</span> : null}
                {/* A period's invoice lists several visits: each says where it was. */}
                {invoice.period && line.visit_address ? <span className="muted"> · {line.visit_address}</span> : null}
                {line.quantity !== 1 ? (
                  <span className="muted">
                    {" "}
                    · {line.quantity} × {money(line.unit_price, cur)}
                  </span>
                ) : null}
                <span className="muted"> · VAT {line.tax_rate}%</span>
              </th>
              <td>{money(line.subtotal, cur)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Subtotal</th>
            <td>{money(invoice.subtotal, cur)}</td>
          </tr>
          <tr>
            <th scope="row">Tax</th>
            <td>{money(invoice.tax_total, cur)}</td>
          </tr>
          <tr className="price-table__total">
            <th scope="row">Total</th>
            <td>{money(invoice.total, cur)}</td>
          </tr>
          {invoice.credited_total > 0 ? (
            <tr>
              <th scope="row">Credited</th>
              <td>−{money(invoice.credited_total, cur)}</td>
            </tr>
          ) : null}
          <tr>
            <th scope="row">Paid</th>
            <td>−{money(invoice.paid_total, cur)}</td>
          </tr>
          <tr className="price-table__total">
            <th scope="row">To pay</th>
            <td data-testid="invoice-balance">{money(invoice.balance, cur)}</td>
          </tr>
        </tbody>
      </table>
      {invoice.payments.length ? (
        <>
          <h2>Payments</h2>
          <ul className="plain-list" data-testid="invoice-payments">
            {invoice.payments.map((payment) => (
              <li key={payment.id}>
                {invoiceDate(payment.paid_at, timeZone)}: {payment.kind === "refund" ? "refund of " : ""}
                {money(payment.amount, cur)} by{" "}
                {payment.card ? `${payment.card.brand} card ending ${payment.card.last4}` : PAYMENT_METHOD_LABELS[payment.method].toLowerCase()}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {invoice.status === "void" ? <p>This invoice was cancelled (void): there is nothing to pay.</p> : null}
      <p className="account__actions">
        {canPay(invoice) ? (
          <Link to={payLink([invoice.id])} className="button" data-testid="invoice-pay">
            Pay {money(invoice.balance, cur)}
          </Link>
        ) : null}{" "}
        <a href={`/invoices/${encodeURIComponent(invoice.id)}/pdf`} className="button button--secondary" data-testid="invoice-pdf">
          Download PDF
        </a>
      </p>
      <MessageUsLink about="invoice" id={invoice.id} what="invoice" />
      <p>
        <Link to="/invoices">Back to invoices</Link>
      </p>
    </section>
  )
}
