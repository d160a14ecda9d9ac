import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Form, Link, useLoaderData } from "@remix-run/react"
import type { Invoice } from "@fieldservice/contract"

import { FormStatus } from "~/components/field"
import { toProblem } from "~/lib/api/api.server"
import { businessTimeZone } from "~/lib/api/booking.server"
import { listInvoices } from "~/lib/api/invoices.server"
import { canPay, INVOICE_VIEWS, type InvoiceView, invoiceDate, invoiceStatusText, money, payLink } from "~/lib/invoices"
import { pageTitle } from "~/lib/meta"
import { requireToken, signOutIfRefused } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Invoices")

const TABS: Record<InvoiceView, string> = { open: "Open", overdue: "Overdue", paid: "Paid", all: "All" }
const EMPTY: Record<InvoiceView, string> = {
  open: "You have no open invoices.",
  overdue: "Nothing is overdue.",
  paid: "No paid invoices yet.",
  all: "You have no invoices yet.",
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const params = new URL(request.url).searchParams
  const asked = params.get("view") as InvoiceView | null
  const view: InvoiceView = asked && INVOICE_VIEWS.includes(asked) ? asked : "open"
  const paid = params.get("done") === "paid"
  try {
    return json({ view, paid, error: null as string | null, invoices: await listInvoices(token, view), timeZone: businessTimeZone() })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json({ view, paid, error: problem.message, invoices: [] as Invoice[], timeZone: businessTimeZone() }, { status: 503 })
  }
}

function InvoiceItem({ invoice, timeZone }: { invoice: Invoice; timeZone: string }) {
  const payable = canPay(invoice)
  const headingId = `invoice-${invoice.id}`
  return (
    <li className="profile invoice-item" data-testid="invoice">
      <h2 className="profile__name" id={headingId}>
        {payable ? (
          <label className="invoice-item__pick">
            <input type="checkbox" name="invoice" value={invoice.id} aria-label={`Pay invoice ${invoice.number}`} />
          </label>
        ) : null}
        <Link to={`/invoices/${encodeURIComponent(invoice.id)}`} data-testid="invoice-number">
          {invoice.number}
        </Link>
        <span className={invoice.overdue ? "badge badge--danger" : "badge"} data-testid="invoice-status">
          {invoiceStatusText(invoice)}
        </span>
      </h2>
      <dl className="details">
        <dt>Issued</dt>
        <dd>{invoiceDate(invoice.issued_at, timeZone)}</dd>
        <dt>Due</dt>
        <dd>{invoiceDate(invoice.due_at, timeZone)}</dd>
        <dt>Total</dt>
        <dd>{money(invoice.total, invoice.currency_code)}</dd>
        <dt>To pay</dt>
        <dd data-testid="invoice-balance">{money(invoice.balance, invoice.currency_code)}</dd>
      </dl>
      <div className="profile__actions">
        <a href={`/invoices/${encodeURIComponent(invoice.id)}/pdf`} className="button button--secondary" aria-describedby={headingId}>
          PDF
        </a>
        {payable ? (
          <Link to={payLink([invoice.id])} className="button" aria-describedby={headingId} data-testid="invoice-pay">
            Pay
          </Link>
        ) : null}
      </div>
    </li>
  )
}

export default function Invoices() {
  const { view, paid, error, invoices, timeZone } = useLoaderData<typeof loader>()
  const payable = invoices.filter(canPay)
  return (
    <section data-testid="invoices">
      <h1>Invoices</h1>
      {paid ? (
        <FormStatus testId="invoices-notice">
          <p>Thank you: your payment went through and a receipt is on its way by email.</p>
        </FormStatus>
      ) : null}
      <nav aria-label="Which invoices" className="tabs">
        {INVOICE_VIEWS.map((tab) => (
          <Link key={tab} to={`/invoices?view=${tab}`} aria-current={view === tab ? "page" : undefined}>
            {TABS[tab]}
          </Link>
        ))}
      </nav>
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : invoices.length === 0 ? (
        <p data-testid="invoices-empty">{EMPTY[view]}</p>
      ) : (
        // Ticking several and pressing "Pay selected" opens one payment for them all (a plain GET form).
        <Form method="get" action="/invoices/pay">
          <ul className="profile-list" aria-label={`${TABS[view]} invoices`}>
            {invoices.map((invoice) => (
              <InvoiceItem key={invoice.id} invoice={invoice} timeZone={timeZone} />
            ))}
          </ul>
          {payable.length > 1 ? (
            <p className="account__actions">
              <button type="submit" className="button" data-testid="invoices-pay-selected">
                Pay selected invoices
              </button>
            </p>
          ) : null}
        </Form>
      )}
      {payable.length ? <Link to={payLink(payable.map((invoice) => invoice.id))}>Pay everything shown ({payable.length})</Link> : null}
    </section>
  )
}
