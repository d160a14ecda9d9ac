import { type Invoice, PAYMENT_METHOD_LABELS } from "@fieldservice/contract"
import { Container, Heading, Text } from "@medusajs/ui"
import { useQueries } from "@tanstack/react-query"
import { formatInvoiceDay, formatMoney } from "../../../../lib/invoices"
import { sdk } from "../../../../lib/sdk"
import { TotalRow } from "./invoice-lines"

/** Staff names for the payments' "recorded by" (a customer paying in the portal is "the customer"). */
function useRecorders(ids: string[]) {
  const staff = [...new Set(ids.filter((id) => id.startsWith("user_")))]
  const results = useQueries({
    queries: staff.map((id) => ({
      queryKey: ["admin-user-name", id],
      queryFn: () => sdk.admin.user.retrieve(id, { fields: "id,email,first_name,last_name" }),
      staleTime: 5 * 60 * 1000,
    })),
  })
  return (id: string | null) => {
    if (!id) return "Automatically"
    if (id.startsWith("cus_")) return "The customer"
    const user = results[staff.indexOf(id)]?.data?.user
    return user ? [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email : "Staff"
  }
}

/** Credit notes and payments against the invoice, and what is still owed. */
export function InvoiceMoney({ invoice, timeZone }: { invoice: Invoice; timeZone: string }) {
  const money = (amount: number) => formatMoney(amount, invoice.currency_code)
  const recorder = useRecorders(invoice.payments.map((payment) => payment.recorded_by ?? ""))
  return (
    <Container className="divide-y p-0" data-testid="invoice-money">
      <div className="px-6 py-4">
        <Heading level="h2">Payments and credits</Heading>
      </div>
      {invoice.credit_notes.length === 0 && invoice.payments.length === 0 && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          Nothing paid or credited yet.
        </Text>
      )}
      {invoice.credit_notes.map((note) => (
        <div key={note.id} className="flex items-start justify-between gap-x-4 px-6 py-3" data-testid="invoice-credit-note">
          <div className="flex flex-col">
            <Text size="small" weight="plus">
              Credit note {note.number}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {formatInvoiceDay(note.issued_at, timeZone)} · {note.reason}
            </Text>
          </div>
          <Text size="small" className="whitespace-nowrap">
            −{money(note.total)}
          </Text>
        </div>
      ))}
      {invoice.payments.map((payment) => (
        <div key={payment.id} className="flex items-start justify-between gap-x-4 px-6 py-3" data-testid="invoice-payment-row">
          <div className="flex flex-col">
            <Text size="small" weight="plus">
              {payment.kind === "refund" ? "Refund" : "Payment"} · {PAYMENT_METHOD_LABELS[payment.method]}
              {payment.card && ` (${payment.card.brand} ending ${payment.card.last4})`}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {formatInvoiceDay(payment.paid_at, timeZone)}
              {payment.reference && ` · ref ${payment.reference}`} · {recorder(payment.recorded_by)}
            </Text>
          </div>
          <Text size="small" className="whitespace-nowrap">
            {payment.kind === "refund" ? "+" : "−"}
            {money(payment.amount)}
          </Text>
        </div>
      ))}
      <dl className="flex flex-col gap-y-1 px-6 py-4">
        {invoice.credited_total > 0 && <TotalRow label="Credited" value={money(invoice.credited_total)} />}
        {invoice.paid_total !== 0 && <TotalRow label="Paid" value={money(invoice.paid_total)} />}
        <TotalRow
          label={invoice.status === "void" ? "Balance (void: nothing owed)" : "Balance"}
          value={money(invoice.status === "void" ? 0 : invoice.balance)}
          strong
          testId="invoice-balance"
        />
      </dl>
    </Container>
  )
}
