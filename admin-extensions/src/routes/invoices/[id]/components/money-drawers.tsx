import { type Invoice, PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from "@fieldservice/contract"
import { Input, Select, Textarea, toast } from "@medusajs/ui"
import { EntryDrawer, FormField } from "../../../../components/entry-drawer"
import { dateToDay } from "../../../../lib/directory"
import { FormFieldError } from "../../../../lib/field-errors"
import { formatMoney, useInvoiceAction } from "../../../../lib/invoices"

const AMOUNT = /^\d{1,9}(\.\d{1,2})?$/
const checkAmount = (value: string | undefined) => {
  const amount = (value ?? "").trim()
  if (!AMOUNT.test(amount) || Number(amount) <= 0) throw new FormFieldError("amount", "Enter an amount such as 85.00, more than zero.")
  return amount
}
const OFFLINE_METHODS = PAYMENT_METHODS.map((method) => ({ value: method, label: PAYMENT_METHOD_LABELS[method] }))

type DrawerProps = { invoice: Invoice; open: boolean; onOpenChange: (open: boolean) => void }

/**
 * Money received offline (cash, bank transfer, cheque, a card machine) or given back. The key is
 * made when the drawer opens, so a double submit or a retry records the money once.
 */
export function PaymentDrawer({ invoice, open, onOpenChange, idempotencyKey }: DrawerProps & { idempotencyKey: string }) {
  const action = useInvoiceAction(invoice)
  const owed = invoice.balance.toFixed(2)
  return (
    <EntryDrawer
      open={open}
      onOpenChange={onOpenChange}
      testIdPrefix="invoice-payment"
      isNew
      title="Record payment"
      description={`Money received for ${invoice.number ?? "this invoice"} outside the portal, or a refund. ${formatMoney(invoice.balance, invoice.currency_code)} is still owed.`}
      initialValues={{ kind: "payment", method: "bank_transfer", amount: invoice.balance > 0 ? owed : "", reference: "", paid_on: dateToDay(new Date()) }}
      toBody={(values) => ({
        kind: values.kind === "refund" ? ("refund" as const) : ("payment" as const),
        method: values.method ?? "bank_transfer",
        amount: checkAmount(values.amount),
        reference: values.reference?.trim() || null,
        ...(values.paid_on ? { paid_on: values.paid_on } : {}),
        idempotency_key: idempotencyKey,
      })}
      onSave={async (body) => {
        await action.mutateAsync({ kind: "payments", body })
        toast.success(body.kind === "refund" ? "Refund recorded" : "Payment recorded")
      }}
      isSaving={action.isPending}
      errorFallback="The payment could not be recorded."
      fieldFor={{ paid_on: "paid_on" }}
    >
      {(field, form) => (
        <>
          <FormField name="kind" label="Type">
            <Select value={form.values.kind} onValueChange={(value) => form.setValue("kind", value)}>
              <Select.Trigger id={form.fieldId("kind")} data-testid={form.fieldId("kind")}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="payment">Payment received</Select.Item>
                <Select.Item value="refund">Refund given back</Select.Item>
              </Select.Content>
            </Select>
          </FormField>
          <FormField name="method" label="Method">
            <Select value={form.values.method} onValueChange={(value) => form.setValue("method", value)}>
              <Select.Trigger id={form.fieldId("method")} data-testid={form.fieldId("method")}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {OFFLINE_METHODS.map((method) => (
                  <Select.Item key={method.value} value={method.value} data-testid={`invoice-payment-method-${method.value}`}>
                    {method.label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </FormField>
          <FormField name="amount" label={`Amount (${invoice.currency_code.toUpperCase()})`}>
            <Input {...field("amount")} inputMode="decimal" autoComplete="off" />
          </FormField>
          <FormField name="reference" label="Reference (optional)" hint="The bank reference, cheque number or receipt number.">
            <Input {...field("reference")} autoComplete="off" />
          </FormField>
          <FormField name="paid_on" label="Date received">
            <Input {...field("paid_on")} type="date" max={dateToDay(new Date())} />
          </FormField>
        </>
      )}
    </EntryDrawer>
  )
}

/** A credit note: part or all of the invoice taken off, with the reason printed on it. */
export function CreditNoteDrawer({ invoice, open, onOpenChange }: DrawerProps) {
  const action = useInvoiceAction(invoice)
  return (
    <EntryDrawer
      open={open}
      onOpenChange={onOpenChange}
      testIdPrefix="invoice-credit"
      isNew
      title="Credit note"
      description={`Takes an amount (tax included) off ${invoice.number ?? "this invoice"}; the customer is emailed the credit note. An issued invoice is never edited.`}
      initialValues={{ amount: "", reason: "" }}
      toBody={(values) => {
        const amount = checkAmount(values.amount)
        if (!values.reason?.trim()) throw new FormFieldError("reason", "Say why the customer is credited; it is printed on the credit note.")
        return { amount, reason: values.reason.trim() }
      }}
      onSave={async (body) => {
        await action.mutateAsync({ kind: "credit-notes", body })
        toast.success("Credit note issued")
      }}
      isSaving={action.isPending}
      errorFallback="The credit note could not be issued."
    >
      {(field) => (
        <>
          <FormField name="amount" label={`Amount (${invoice.currency_code.toUpperCase()}, tax included)`}>
            <Input {...field("amount")} inputMode="decimal" autoComplete="off" />
          </FormField>
          <FormField name="reason" label="Reason">
            <Textarea {...field("reason")} rows={3} />
          </FormField>
        </>
      )}
    </EntryDrawer>
  )
}
