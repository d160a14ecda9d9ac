import type { AdminBillingSettingsResponse, AdminCustomerDirectoryItem as DirectoryCustomer, PaymentTerms } from "@fieldservice/contract"
import { Button, Drawer, Input, Label, RadioGroup, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { directoryName } from "../../../lib/directory"
import { PAYMENT_TERMS_PRESETS, paymentTermsChoice, parsePaymentTermsDays, useCustomerProfile } from "../../../lib/profile"
import { sdk } from "../../../lib/sdk"
import { useUpdateProfile } from "../../../widgets/customer-profile/use-update-profile"

const PRESET_DAYS: Record<Exclude<PaymentTerms, "days">, number> = { on_receipt: 0, net_7: 7, net_14: 14, net_30: 30 }
const termsText = (days: number) => (days === 0 ? "due on receipt" : `Net ${days}`)

/** "Set invoice due date" from the directory's row menu: the customer's payment terms, saved on their profile. */
export function PaymentTermsDrawer({ customer, onClose }: { customer: DirectoryCustomer | null; onClose: () => void }) {
  return (
    <Drawer open={!!customer} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content data-testid="crm-payment-terms-drawer">
        <Drawer.Header>
          <Drawer.Title className="h2-core font-sans font-medium">Set invoice due date</Drawer.Title>
          <Drawer.Description className="text-ui-fg-subtle txt-small">
            {customer ? `When ${directoryName(customer)}’s new invoices are due. ` : ""}A due date set on one invoice still overrides this.
          </Drawer.Description>
        </Drawer.Header>
        {/* Mounted only while open, so each opening starts from the saved terms. */}
        {customer && <TermsForm customerId={customer.id} onDone={onClose} />}
      </Drawer.Content>
    </Drawer>
  )
}

function TermsForm({ customerId, onDone }: { customerId: string; onDone: () => void }) {
  const profile = useCustomerProfile(customerId)
  const settings = useQuery({
    queryKey: ["billing-settings"],
    queryFn: () => sdk.client.fetch<AdminBillingSettingsResponse>("/admin/billing/settings"),
  })
  if (profile.isLoading) {
    return (
      <Drawer.Body>
        <Text size="small">Loading…</Text>
      </Drawer.Body>
    )
  }
  if (profile.error || !profile.data) {
    return (
      <Drawer.Body>
        <Text size="small" className="text-ui-fg-error">
          The customer’s terms could not be loaded: {profile.error?.message ?? "not found"}
        </Text>
      </Drawer.Body>
    )
  }
  const company = settings.data?.settings
  const companyDays = company ? (company.default_terms === "days" ? (company.default_terms_days ?? 0) : PRESET_DAYS[company.default_terms]) : null
  return <TermsChoice customerId={customerId} saved={profile.data.profile.payment_terms_days} companyDays={companyDays} onDone={onDone} />
}

function TermsChoice({ customerId, saved, companyDays, onDone }: { customerId: string; saved: number | null; companyDays: number | null; onDone: () => void }) {
  const update = useUpdateProfile(customerId, "Payment terms saved", { toastErrors: false })
  const [choice, setChoice] = useState(paymentTermsChoice(saved))
  const [days, setDays] = useState(choice === "custom" && saved !== null ? String(saved) : "")
  const [invalid, setInvalid] = useState<string | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    let next: number | null = choice === "default" ? null : Number(choice)
    if (choice === "custom") {
      const parsed = parsePaymentTermsDays(days)
      if (!parsed.ok) return setInvalid(parsed.message)
      next = parsed.days
    }
    setInvalid(null)
    if (next === saved) return onDone()
    update.mutate({ payment_terms_days: next }, { onSuccess: onDone })
  }

  const options = [
    { value: "default", label: `Company default${companyDays === null ? "" : ` (${termsText(companyDays)})`}` },
    ...PAYMENT_TERMS_PRESETS.map((preset) => ({ value: String(preset), label: preset === 0 ? "Due on receipt" : `Net ${preset}` })),
    { value: "custom", label: "Another number of days" },
  ]
  return (
    <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        <RadioGroup value={choice} onValueChange={setChoice} className="flex flex-col gap-y-3" data-testid="crm-payment-terms">
          {options.map((option) => (
            <div key={option.value} className="flex items-center gap-x-3">
              <RadioGroup.Item value={option.value} id={`crm-terms-${option.value}`} data-testid={`crm-payment-terms-${option.value}`} />
              <Label htmlFor={`crm-terms-${option.value}`} size="small">
                {option.label}
              </Label>
            </div>
          ))}
        </RadioGroup>
        {choice === "custom" && (
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="crm-terms-days" size="small" weight="plus">
              Days after the invoice is issued
            </Label>
            <Input
              id="crm-terms-days"
              inputMode="numeric"
              autoComplete="off"
              value={days}
              onChange={(event) => setDays(event.target.value)}
              aria-invalid={!!invalid}
              data-testid="crm-payment-terms-days"
            />
          </div>
        )}
        {(invalid || update.error) && (
          <Text size="small" className="text-ui-fg-error" data-testid="crm-payment-terms-error">
            {invalid ?? update.error?.message}
          </Text>
        )}
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            Cancel
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" isLoading={update.isPending} data-testid="crm-payment-terms-save">
          Save
        </Button>
      </Drawer.Footer>
    </form>
  )
}
