import type { AdminGiftVoucher } from "@fieldservice/contract"
import { Input, toast } from "@medusajs/ui"
import { EntryDrawer, FormField } from "../../../components/entry-drawer"
import { FormFieldError } from "../../../lib/field-errors"
import { useUpdateGiftVoucher } from "../../../lib/gift-vouchers"

/** The last day the voucher can be used: the business's calendar, today or later. */
export function ChangeExpiryDrawer({ open, onOpenChange, voucher }: { open: boolean; onOpenChange: (open: boolean) => void; voucher: AdminGiftVoucher }) {
  const update = useUpdateGiftVoucher(voucher.id)
  // The stored expiry is the moment after the last day ends.
  const lastDay = voucher.expires_at ? new Date(new Date(voucher.expires_at).getTime() - 1).toISOString().slice(0, 10) : ""
  return (
    <EntryDrawer
      open={open}
      onOpenChange={onOpenChange}
      testIdPrefix="voucher-expiry"
      isNew
      title="Change expiry"
      description="The voucher can be used until the end of this day."
      initialValues={{ expires_on: lastDay }}
      isSaving={update.isPending}
      errorFallback="The expiry was not changed."
      toBody={(values) => {
        if (!values.expires_on) throw new FormFieldError("expires_on", "Choose the last day it can be used.")
        return { expires_on: values.expires_on }
      }}
      onSave={async (body) => {
        await update.mutateAsync(body)
        toast.success("Expiry changed", {
          description: `Valid until ${new Date(`${body.expires_on}T12:00:00Z`).toLocaleDateString("en-GB", { dateStyle: "long" })}.`,
        })
      }}
    >
      {(field) => (
        <FormField name="expires_on" label="Last day">
          <Input {...field("expires_on")} type="date" />
        </FormField>
      )}
    </EntryDrawer>
  )
}
