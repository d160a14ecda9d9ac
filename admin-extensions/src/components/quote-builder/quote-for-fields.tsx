import { Label, Select } from "@medusajs/ui"
import { useCustomerProfile } from "../../lib/profile"
import type { QuoteDraftForm } from "../../lib/quotes"

// Radix's Select has no empty value: "none" stands for "the customer themself" and "no location".
const NONE = "none"

type Props = {
  customerId: string
  form: Pick<QuoteDraftForm, "business_profile_id" | "address_id">
  onChange: (changes: Partial<QuoteDraftForm>) => void
}

/** Who the quote is addressed to (the customer or one of their business profiles) and where the work is. */
export function QuoteForFields({ customerId, form, onChange }: Props) {
  const { data } = useCustomerProfile(customerId)
  const profiles = data?.profile.business_profiles ?? []
  const locations = data?.profile.locations ?? []
  return (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
      <div className="flex flex-col gap-y-1">
        <Label size="small" weight="plus">
          Addressed to
        </Label>
        <Select value={form.business_profile_id || NONE} onValueChange={(value) => onChange({ business_profile_id: value === NONE ? "" : value })}>
          <Select.Trigger aria-label="Addressed to" data-testid="quote-business-profile">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={NONE}>The customer</Select.Item>
            {profiles.map((profile) => (
              <Select.Item key={profile.id} value={profile.id}>
                {profile.name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small" weight="plus">
          Where the work is
        </Label>
        <Select value={form.address_id || NONE} onValueChange={(value) => onChange({ address_id: value === NONE ? "" : value })}>
          <Select.Trigger aria-label="Where the work is" data-testid="quote-location">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={NONE}>Not chosen yet (asked when booking)</Select.Item>
            {locations.map((location) => (
              <Select.Item key={location.id} value={location.id}>
                {[location.address_name, location.address_1, location.postal_code].filter(Boolean).join(", ")}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
    </div>
  )
}
