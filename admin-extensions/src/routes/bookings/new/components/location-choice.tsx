import { Input, Label, RadioGroup, Text } from "@medusajs/ui"
import { formatAddress, postcodeProblem, type BaseCustomerAddress } from "@fieldservice/contract"
import { CountrySelect } from "../../../../components/country-select"
import { FieldMessage } from "../../../../components/entry-drawer"
import type { BookingDraft } from "./draft"

type Props = {
  locations: BaseCustomerAddress[]
  draft: Pick<BookingDraft, "locationId" | "address" | "label">
  onChange: (change: Partial<Pick<BookingDraft, "locationId" | "address" | "label">>) => void
  /** A refused booking's message about one of the address fields ("postal_code"), if any. */
  messageFor: (field: string) => string | null
}

const ADDRESS_FIELDS = [
  { name: "address_1", label: "Address" },
  { name: "address_2", label: "Address line 2 (optional)" },
  { name: "city", label: "Town or city" },
  { name: "postal_code", label: "Postcode" },
] as const

/** Where the visit is: one of the customer's saved locations, or a new address (saved to their locations). */
export function LocationChoice({ locations, draft, onChange, messageFor }: Props) {
  const setAddress = (name: keyof BookingDraft["address"], value: string) => onChange({ address: { ...draft.address, [name]: value } })
  // Said as soon as the postcode is typed, as the portal's form says it.
  const postcode = draft.address.postal_code.trim() ? postcodeProblem(draft.address.country_code, draft.address.postal_code) : null
  return (
    <div className="flex flex-col gap-y-4">
      <RadioGroup value={draft.locationId} onValueChange={(locationId) => onChange({ locationId })} className="flex flex-col gap-y-2">
        {locations.map((location) => (
          <div key={location.id} className="flex items-start gap-x-2">
            <RadioGroup.Item value={location.id} id={`new-booking-location-${location.id}`} className="mt-0.5" data-testid="new-booking-location" />
            <Label htmlFor={`new-booking-location-${location.id}`} size="small">
              {location.address_name && <span className="txt-compact-small-plus">{location.address_name}: </span>}
              {formatAddress(location)}
            </Label>
          </div>
        ))}
        <div className="flex items-center gap-x-2">
          <RadioGroup.Item value="new" id="new-booking-location-new" data-testid="new-booking-location-new" />
          <Label htmlFor="new-booking-location-new" size="small">
            A new address
          </Label>
        </div>
      </RadioGroup>
      {draft.locationId === "new" && (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2" data-testid="new-booking-address">
          {ADDRESS_FIELDS.map((field) => (
            <div key={field.name} className="flex flex-col gap-y-2">
              <Label size="small" weight="plus" htmlFor={`new-booking-address-${field.name}`}>
                {field.label}
              </Label>
              <Input
                id={`new-booking-address-${field.name}`}
                size="small"
                value={draft.address[field.name]}
                onChange={(event) => setAddress(field.name, event.target.value)}
                data-testid={`new-booking-address-${field.name}`}
              />
              <FieldMessage
                message={(field.name === "postal_code" ? postcode : null) ?? messageFor(field.name)}
                testId={`new-booking-address-${field.name}-error`}
              />
            </div>
          ))}
          <div className="flex flex-col gap-y-2">
            <Label size="small" weight="plus" htmlFor="new-booking-address-country">
              Country
            </Label>
            <CountrySelect
              id="new-booking-address-country"
              value={draft.address.country_code.toUpperCase()}
              onChange={(code) => setAddress("country_code", code.toLowerCase())}
            />
          </div>
          <div className="flex flex-col gap-y-2">
            <Label size="small" weight="plus" htmlFor="new-booking-address-label">
              Save it as (optional)
            </Label>
            <Input
              id="new-booking-address-label"
              size="small"
              placeholder="Home, Office…"
              value={draft.label}
              onChange={(event) => onChange({ label: event.target.value })}
              data-testid="new-booking-address-label"
            />
          </div>
        </div>
      )}
      {locations.length === 0 && draft.locationId !== "new" && (
        <Text size="small" className="text-ui-fg-subtle">
          No saved locations yet.
        </Text>
      )}
    </div>
  )
}
