import { Input, Textarea, toast } from "@medusajs/ui"
import { EntryDrawer, FormField } from "../../../components/entry-drawer"
import { FormFieldError } from "../../../lib/field-errors"
import { type IssueGiftVoucherBody, useIssueGiftVoucher } from "../../../lib/gift-vouchers"
import { VoucherCustomerPicker } from "./voucher-customer-picker"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  onIssued?: (id: string) => void
  /** From a customer's page: into their account, to them unless staff change it. */
  customer?: { id: string; name: string; email: string }
}

const EMPTY = { amount: "", recipient_name: "", recipient_email: "", message: "", customer_id: "" }

/** "Issue voucher": an amount, who it is for and a message; emailed at once, optionally put in a customer's account. */
export function IssueVoucherDrawer({ open, onOpenChange, onIssued, customer }: Props) {
  const issue = useIssueGiftVoucher()
  return (
    <EntryDrawer
      open={open}
      onOpenChange={onOpenChange}
      testIdPrefix="issue-voucher"
      isNew
      title="Issue voucher"
      description="A gift voucher from the business (an apology, a thank-you): emailed now with its PDF, valid as long as Settings → Gift vouchers says."
      initialValues={customer ? { ...EMPTY, customer_id: customer.id, recipient_name: customer.name, recipient_email: customer.email } : EMPTY}
      isSaving={issue.isPending}
      errorFallback="The voucher was not issued."
      toBody={(values): IssueGiftVoucherBody => {
        const amount = Number((values.amount ?? "").trim())
        if (!/^\d+(\.\d{1,2})?$/.test((values.amount ?? "").trim()) || !(amount > 0)) throw new FormFieldError("amount", "Enter an amount such as 25.00.")
        return {
          amount,
          recipient_name: values.recipient_name ?? "",
          recipient_email: values.recipient_email ?? "",
          message: values.message?.trim() || null,
          customer_id: values.customer_id || null,
        }
      }}
      onSave={async (body) => {
        const { gift_voucher: voucher } = await issue.mutateAsync(body)
        toast.success(`Voucher ${voucher.code ?? ""} issued`, {
          description: `Emailed to ${voucher.recipient_email}${voucher.holder ? ` and added to ${voucher.holder.name}'s account` : ""}.`,
        })
        onIssued?.(voucher.id)
      }}
    >
      {(field, form) => (
        <>
          <FormField name="amount" label="Amount">
            <Input {...field("amount")} inputMode="decimal" placeholder="25.00" />
          </FormField>
          {!customer && (
            <VoucherCustomerPicker
              customerId={form.values.customer_id}
              onChange={(chosen) => {
                form.setValue("customer_id", chosen?.id ?? "")
                if (chosen && !form.values.recipient_name) form.setValue("recipient_name", [chosen.first_name, chosen.last_name].filter(Boolean).join(" "))
                if (chosen && !form.values.recipient_email) form.setValue("recipient_email", chosen.email)
              }}
            />
          )}
          <FormField name="recipient_name" label="Recipient's name">
            <Input {...field("recipient_name")} />
          </FormField>
          <FormField name="recipient_email" label="Recipient's email" hint="The voucher and its PDF are emailed here now.">
            <Input {...field("recipient_email")} type="email" />
          </FormField>
          <FormField name="message" label="Message (optional)">
            <Textarea {...field("message")} rows={3} placeholder="Sorry we were late – this one's on us." />
          </FormField>
        </>
      )}
    </EntryDrawer>
  )
}
