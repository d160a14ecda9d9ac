import type { Invoice } from "@fieldservice/contract"
import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { type FormEvent, useState } from "react"
import { adminLocale } from "../../../../lib/directory"
import { dayOf } from "../../../../lib/schedule"
import { formatInvoiceDay, useInvoiceAction } from "../../../../lib/invoices"
import { DayPicker } from "../../../crm/components/date-filter"

/** When it is due and which rule said so (company terms, the customer's, or a day set here), with the override. */
export function DueDateSection({ invoice, timeZone }: { invoice: Invoice; timeZone: string }) {
  const action = useInvoiceAction(invoice)
  const [editing, setEditing] = useState(false)
  const [day, setDay] = useState<string | null>(invoice.due_at ? dayOf(invoice.due_at, timeZone) : null)
  const [error, setError] = useState<string | null>(null)
  const changeable = invoice.status === "issued" || invoice.status === "partially_paid"
  const issuedDay = invoice.issued_at ? dayOf(invoice.issued_at, timeZone) : null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!day) return setError("Pick the day the invoice is due.")
    setError(null)
    action.mutate(
      { kind: "due-date", body: { due_date: day } },
      {
        onSuccess: (response) => {
          toast.success(`Due date changed to ${formatInvoiceDay(response.invoice.due_at, response.time_zone)}`)
          setEditing(false)
        },
        onError: (caught) => setError(caught.message),
      }
    )
  }

  return (
    <Container className="flex flex-col gap-y-2 px-6 py-4" data-testid="invoice-due">
      <div className="flex items-center justify-between gap-x-2">
        <Heading level="h2">Due date</Heading>
        {changeable && !editing && (
          <Button size="small" variant="transparent" onClick={() => setEditing(true)} data-testid="invoice-due-change">
            Change due date
          </Button>
        )}
      </div>
      <Text size="small" weight="plus" data-testid="invoice-due-date">
        {invoice.due_at ? formatInvoiceDay(invoice.due_at, timeZone) : "Set when the invoice is issued"}
        {invoice.overdue && <span className="text-ui-fg-error"> · overdue</span>}
      </Text>
      {invoice.due_rule_text && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="invoice-due-rule">
          {invoice.due_rule_text}
        </Text>
      )}
      {editing && (
        <form onSubmit={submit} noValidate className="flex flex-col gap-y-2" data-testid="invoice-due-form">
          <DayPicker label="New due date" value={day} min={issuedDay} locale={adminLocale()} onChange={setDay} testId="invoice-due-picker" />
          <Text size="xsmall" className="text-ui-fg-muted">
            Overrides the customer&apos;s and the company&apos;s terms for this invoice only.
          </Text>
          {error && (
            <Text size="small" role="alert" className="text-ui-fg-error" data-testid="invoice-due-error">
              {error}
            </Text>
          )}
          <div className="flex gap-x-2">
            <Button size="small" type="submit" isLoading={action.isPending} data-testid="invoice-due-save">
              Save
            </Button>
            <Button size="small" variant="secondary" type="button" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </Container>
  )
}
