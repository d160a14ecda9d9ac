import { Button, Input, Select, Text } from "@medusajs/ui"
import { type FormEvent, useState } from "react"
import { PAYMENT_TERMS_PRESETS, parsePaymentTermsDays, parseTaxRate, paymentTermsChoice } from "../../lib/profile"
import { BillingSummary } from "./billing-summary"
import { InlineError, ProfileRow, ProfileSection, SwitchRow } from "./section"
import { useUpdateProfile } from "./use-update-profile"
import type { AdminCustomerProfile as CustomerProfile } from "@fieldservice/contract"

/** What the customer owes (invoices), then the staff-only billing settings: tax and payment terms. */
export function Billing({ customerId, profile }: { customerId: string; profile: CustomerProfile }) {
  return (
    <>
      <BillingSummary customerId={customerId} />
      <ProfileSection title="Tax and payment terms" description="Staff only; used on this customer’s invoices.">
        <TaxExempt customerId={customerId} value={profile.tax_exempt} />
        {/* Keyed by the saved value, so a save (here or elsewhere) resets the field to it. */}
        <TaxRate key={`rate-${profile.tax_rate_override ?? ""}`} customerId={customerId} value={profile.tax_rate_override} taxExempt={profile.tax_exempt} />
        <PaymentTerms key={`terms-${profile.payment_terms_days ?? ""}`} customerId={customerId} value={profile.payment_terms_days} />
      </ProfileSection>
    </>
  )
}

function TaxExempt({ customerId, value }: { customerId: string; value: boolean }) {
  const update = useUpdateProfile(customerId, (body) => (body.tax_exempt ? "Customer is tax exempt" : "Customer is no longer tax exempt"))
  const checked = update.isPending ? !!update.variables?.tax_exempt : value
  return (
    <SwitchRow
      id="customer-profile-tax-exempt"
      label="Tax exempt"
      hint="No tax is charged on this customer’s invoices."
      checked={checked}
      onCheckedChange={(tax_exempt) => update.mutate({ tax_exempt })}
      disabled={update.isPending}
      error={update.error?.message}
      testId="customer-profile-tax-exempt"
    />
  )
}

function TaxRate({ customerId, value, taxExempt }: { customerId: string; value: number | null; taxExempt: boolean }) {
  const update = useUpdateProfile(customerId, (body) => (body.tax_rate_override === null ? "Special tax rate removed" : "Special tax rate saved"))
  const saved = value === null ? "" : String(value)
  const [text, setText] = useState(saved)
  const [invalid, setInvalid] = useState<string | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const parsed = parseTaxRate(text)
    if (!parsed.ok) {
      setInvalid(parsed.message)
      return
    }
    setInvalid(null)
    if (parsed.rate === value) setText(saved)
    else update.mutate({ tax_rate_override: parsed.rate })
  }

  return (
    <ProfileRow
      label="Special tax rate"
      htmlFor="customer-profile-tax-rate"
      hint={taxExempt ? "Not used while the customer is tax exempt." : "Leave empty for the normal rate."}
    >
      <form onSubmit={submit} noValidate className="flex items-center gap-x-2">
        <div className="relative flex-1">
          <Input
            id="customer-profile-tax-rate"
            size="small"
            inputMode="decimal"
            autoComplete="off"
            placeholder="Normal rate"
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={!!invalid}
            className="pr-7"
            data-testid="customer-profile-tax-rate"
          />
          <Text size="small" className="text-ui-fg-muted pointer-events-none absolute inset-y-0 right-2 flex items-center">
            %
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          type="submit"
          disabled={text.trim() === saved}
          isLoading={update.isPending}
          data-testid="customer-profile-tax-rate-save"
        >
          Save
        </Button>
      </form>
      <InlineError message={invalid ?? update.error?.message} testId="customer-profile-tax-rate-error" />
    </ProfileRow>
  )
}

const termsLabel = (days: number) => (days === 0 ? "Net 0 (due on receipt)" : `Net ${days}`)

function PaymentTerms({ customerId, value }: { customerId: string; value: number | null }) {
  const update = useUpdateProfile(customerId, "Payment terms saved")
  const savedChoice = paymentTermsChoice(value)
  const [choice, setChoice] = useState(savedChoice)
  const [days, setDays] = useState(savedChoice === "custom" && value !== null ? String(value) : "")
  const [invalid, setInvalid] = useState<string | null>(null)

  const choose = (next: string) => {
    setChoice(next)
    setInvalid(null)
    if (next === "custom" || next === savedChoice) return
    // Presets and the company default save at once; on failure the menu goes back to the saved terms.
    update.mutate({ payment_terms_days: next === "default" ? null : Number(next) }, { onError: () => setChoice(savedChoice) })
  }

  const saveCustom = (event: FormEvent) => {
    event.preventDefault()
    const parsed = parsePaymentTermsDays(days)
    if (!parsed.ok) {
      setInvalid(parsed.message)
      return
    }
    setInvalid(null)
    if (parsed.days === value) setDays(String(value))
    else update.mutate({ payment_terms_days: parsed.days })
  }

  return (
    <ProfileRow
      label="Payment terms"
      htmlFor="customer-profile-payment-terms"
      hint={
        choice === "default"
          ? "Uses the company’s standard terms."
          : choice === "custom"
            ? "Invoices are due this many days after they are issued."
            : `Invoices are due ${choice === "0" ? "on receipt" : `${choice} days after they are issued`}.`
      }
    >
      <Select size="small" value={choice} onValueChange={choose} disabled={update.isPending}>
        <Select.Trigger id="customer-profile-payment-terms" data-testid="customer-profile-payment-terms">
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value="default">Company default</Select.Item>
          {PAYMENT_TERMS_PRESETS.map((preset) => (
            <Select.Item key={preset} value={String(preset)}>
              {termsLabel(preset)}
            </Select.Item>
          ))}
          <Select.Item value="custom">Custom…</Select.Item>
        </Select.Content>
      </Select>
      {choice === "custom" && (
        <form onSubmit={saveCustom} noValidate className="flex items-center gap-x-2">
          <div className="relative flex-1">
            <Input
              size="small"
              inputMode="numeric"
              autoComplete="off"
              aria-label="Payment terms in days"
              placeholder="e.g. 45"
              value={days}
              onChange={(event) => setDays(event.target.value)}
              aria-invalid={!!invalid}
              className="pr-12"
              data-testid="customer-profile-payment-terms-days"
            />
            <Text size="small" className="text-ui-fg-muted pointer-events-none absolute inset-y-0 right-2 flex items-center">
              days
            </Text>
          </div>
          <Button
            size="small"
            variant="secondary"
            type="submit"
            disabled={days.trim() === (value === null ? "" : String(value))}
            isLoading={update.isPending}
            data-testid="customer-profile-payment-terms-save"
          >
            Save
          </Button>
        </form>
      )}
      <InlineError message={invalid ?? update.error?.message} testId="customer-profile-payment-terms-error" />
    </ProfileRow>
  )
}
