import type { Invoice } from "@fieldservice/contract"
import { EllipsisHorizontal } from "@medusajs/icons"
import { Badge, Button, Container, DropdownMenu, Heading, IconButton, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { formatInvoiceDay, invoiceBadge, invoicePdfUrl, invoiceTitle, newIdempotencyKey, useInvoiceAction } from "../../../../lib/invoices"
import { CreditNoteDrawer, PaymentDrawer } from "./money-drawers"
import { VoidPrompt } from "./void-prompt"

/** The invoice's number (or "Draft"), status and the things staff do with it. */
export function InvoiceHeader({ invoice, customerName, timeZone }: { invoice: Invoice; customerName: string; timeZone: string }) {
  const action = useInvoiceAction(invoice)
  const prompt = usePrompt()
  const [drawer, setDrawer] = useState<"payment" | "credit" | "void" | null>(null)
  const [paymentKey, setPaymentKey] = useState("")
  const badge = invoiceBadge(invoice)
  const open = invoice.status === "issued" || invoice.status === "partially_paid"
  const live = invoice.status !== "void" && invoice.status !== "draft"

  const issue = async () => {
    const confirmed = await prompt({
      title: "Issue this invoice?",
      description: "It gets its number and due date and is emailed to the customer with its PDF. An issued invoice can't be edited, only credited or voided.",
      confirmText: "Issue",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    action.mutate(
      { kind: "issue", body: {} },
      { onSuccess: (response) => toast.success(`Issued as ${response.invoice.number}`), onError: (error) => toast.error(error.message) }
    )
  }
  const resend = () =>
    action.mutate(
      { kind: "resend", body: {} },
      { onSuccess: () => toast.success("Invoice emailed to the customer again"), onError: (error) => toast.error(error.message) }
    )

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="invoice-header">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <Heading level="h1" data-testid="invoice-number">
              {invoiceTitle(invoice)}
            </Heading>
            <Badge size="2xsmall" color={badge.color} data-testid="invoice-status">
              {badge.label}
            </Badge>
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            <Link to={`/customers/${invoice.customer_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
              {customerName}
            </Link>
            {invoice.issued_at
              ? ` · issued ${formatInvoiceDay(invoice.issued_at, timeZone)}`
              : ` · created ${formatInvoiceDay(invoice.created_at, timeZone)}, not issued yet`}
            {invoice.voided_at && ` · voided ${formatInvoiceDay(invoice.voided_at, timeZone)}: ${invoice.void_reason ?? ""}`}
          </Text>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {invoice.status === "draft" && (
            <Button size="small" onClick={() => void issue()} isLoading={action.isPending && action.variables?.kind === "issue"} data-testid="invoice-issue">
              Issue
            </Button>
          )}
          {live && (
            <Button
              size="small"
              variant={open ? "primary" : "secondary"}
              onClick={() => {
                setPaymentKey(newIdempotencyKey())
                setDrawer("payment")
              }}
              data-testid="invoice-record-payment"
            >
              Record payment
            </Button>
          )}
          <Button size="small" variant="secondary" asChild>
            <a href={invoicePdfUrl(invoice.id)} target="_blank" rel="noreferrer" data-testid="invoice-pdf">
              Download PDF
            </a>
          </Button>
          {invoice.status !== "void" && (
            <DropdownMenu>
              <DropdownMenu.Trigger asChild>
                <IconButton size="small" variant="transparent" aria-label="More actions" data-testid="invoice-more">
                  <EllipsisHorizontal />
                </IconButton>
              </DropdownMenu.Trigger>
              <DropdownMenu.Content align="end">
                {live && (
                  <DropdownMenu.Item onSelect={resend} data-testid="invoice-resend">
                    Resend to customer
                  </DropdownMenu.Item>
                )}
                {live && (
                  <DropdownMenu.Item onSelect={() => setDrawer("credit")} disabled={invoice.balance <= 0} data-testid="invoice-credit">
                    Credit note
                  </DropdownMenu.Item>
                )}
                {live && <DropdownMenu.Separator />}
                <DropdownMenu.Item onSelect={() => setDrawer("void")} className="text-ui-fg-error" data-testid="invoice-void">
                  Void
                </DropdownMenu.Item>
              </DropdownMenu.Content>
            </DropdownMenu>
          )}
        </div>
      </div>
      <PaymentDrawer invoice={invoice} open={drawer === "payment"} onOpenChange={(next) => setDrawer(next ? "payment" : null)} idempotencyKey={paymentKey} />
      <CreditNoteDrawer invoice={invoice} open={drawer === "credit"} onOpenChange={(next) => setDrawer(next ? "credit" : null)} />
      <VoidPrompt invoice={invoice} open={drawer === "void"} onOpenChange={(next) => setDrawer(next ? "void" : null)} />
    </Container>
  )
}
