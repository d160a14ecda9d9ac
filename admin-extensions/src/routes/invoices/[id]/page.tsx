import { Container, Text } from "@medusajs/ui"
import { Link, useParams } from "react-router-dom"
import { useCustomerSearch } from "../../../lib/customer-search"
import { useInvoice } from "../../../lib/invoices"
import { DueDateSection } from "./components/due-date-section"
import { InvoiceHeader } from "./components/invoice-header"
import { InvoiceLines } from "./components/invoice-lines"
import { InvoiceMoney } from "./components/invoice-money"
import { InvoiceParties } from "./components/invoice-parties"

/**
 * One invoice for staff: its lines, tax and totals, credit notes and payments, what is owed and
 * when, who it is made out to, and the actions (issue, PDF, resend, payment, credit note, void).
 */
const InvoicePage = () => {
  const { id = "" } = useParams()
  const { data, isLoading, error } = useInvoice(id)
  const customerId = data?.invoice.customer_id ?? ""
  const { chosen } = useCustomerSearch({
    queryKey: "admin-invoice-customer",
    text: "",
    customerId,
    limit: 1,
    fields: "id,email,first_name,last_name,company_name",
  })

  if (isLoading) {
    return (
      <Container>
        <Text size="small">Loading invoice…</Text>
      </Container>
    )
  }
  if (error || !data) {
    return (
      <Container className="flex flex-col gap-y-2" data-testid="invoice-load-error">
        <Text size="small" className="text-ui-fg-error">
          The invoice could not be loaded: {error?.message ?? "not found"}
        </Text>
        <Link to="/invoices" className="txt-compact-small text-ui-fg-interactive">
          Back to invoices
        </Link>
      </Container>
    )
  }
  const { invoice } = data
  const customer = chosen.data?.customer
  const customerName = customer ? [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email : invoice.bill_to.name
  return (
    <div className="flex flex-col gap-x-4 gap-y-3 xl:flex-row xl:items-start" data-testid="invoice-page" data-invoice-id={invoice.id}>
      <div className="flex w-full min-w-0 flex-col gap-y-3">
        <InvoiceHeader invoice={invoice} customerName={customerName} timeZone={data.time_zone} />
        <InvoiceLines invoice={invoice} timeZone={data.time_zone} />
        <InvoiceMoney invoice={invoice} timeZone={data.time_zone} />
      </div>
      <div className="flex w-full flex-col gap-y-3 xl:max-w-[400px]">
        <DueDateSection key={invoice.due_at ?? "none"} invoice={invoice} timeZone={data.time_zone} />
        <InvoiceParties invoice={invoice} />
      </div>
    </div>
  )
}

export default InvoicePage

// The breadcrumb after "Invoices".
export const handle = { breadcrumb: () => "Invoice" }
