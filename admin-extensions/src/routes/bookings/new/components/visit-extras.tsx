import { Checkbox, Input, Label, Select, Textarea } from "@medusajs/ui"
import type { ReactNode } from "react"
import { FieldMessage } from "../../../../components/entry-drawer"
import type { BookingDraft } from "./draft"
import type { AdminCustomerProfile } from "@fieldservice/contract"

type Props = {
  profile: AdminCustomerProfile
  /** The kinds of dependent the service asks about; none asks about none. */
  dependentTypeIds: string[]
  draft: BookingDraft
  onChange: (change: Partial<BookingDraft>) => void
  messageFor: (field: string) => string | null
}

const NONE = "none"

function Field({ id, label, message, children }: { id: string; label: string; message?: string | null; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-y-2">
      <Label size="small" weight="plus" htmlFor={id}>
        {label}
      </Label>
      {children}
      <FieldMessage message={message ?? null} testId={`${id}-error`} />
    </div>
  )
}

/** Who to reach on the day, whose name the invoice is in, who the visit is for, and notes for the team. */
export function VisitExtras({ profile, dependentTypeIds, draft, onChange, messageFor }: Props) {
  const setContact = (name: keyof BookingDraft["contact"], value: string) => onChange({ contact: { ...draft.contact, [name]: value } })
  const dependents = profile.dependents.filter((dependent) => dependentTypeIds.includes(dependent.type_id))
  return (
    <div className="flex flex-col gap-y-4">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Field id="new-booking-contact-name" label="Contact on the day" message={messageFor("name")}>
          <Input id="new-booking-contact-name" size="small" value={draft.contact.name} onChange={(event) => setContact("name", event.target.value)} />
        </Field>
        <Field id="new-booking-contact-email" label="Email" message={messageFor("email")}>
          <Input
            id="new-booking-contact-email"
            size="small"
            type="email"
            value={draft.contact.email}
            onChange={(event) => setContact("email", event.target.value)}
          />
        </Field>
        <Field id="new-booking-contact-phone" label="Phone" message={messageFor("phone")}>
          <Input
            id="new-booking-contact-phone"
            size="small"
            type="tel"
            value={draft.contact.phone}
            onChange={(event) => setContact("phone", event.target.value)}
          />
        </Field>
      </div>
      {(profile.business_profiles.length > 0 || profile.additional_contacts.length > 0) && (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          {profile.business_profiles.length > 0 && (
            <Field id="new-booking-business-profile" label="Business profile (invoice in its name)">
              <Select value={draft.businessProfileId || NONE} onValueChange={(id) => onChange({ businessProfileId: id === NONE ? "" : id })}>
                <Select.Trigger id="new-booking-business-profile" data-testid="new-booking-business-profile">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value={NONE}>None: the customer</Select.Item>
                  {profile.business_profiles.map((business) => (
                    <Select.Item key={business.id} value={business.id}>
                      {business.name}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </Field>
          )}
          {profile.additional_contacts.length > 0 && (
            <Field id="new-booking-additional-contact" label="Also contact">
              <Select value={draft.additionalContactId || NONE} onValueChange={(id) => onChange({ additionalContactId: id === NONE ? "" : id })}>
                <Select.Trigger id="new-booking-additional-contact">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value={NONE}>Nobody else</Select.Item>
                  {profile.additional_contacts.map((contact) => (
                    <Select.Item key={contact.id} value={contact.id}>
                      {contact.role ? `${contact.name} (${contact.role})` : contact.name}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </Field>
          )}
        </div>
      )}
      {dependents.length > 0 && (
        <fieldset className="flex flex-col gap-y-2" data-testid="new-booking-dependents">
          <legend className="txt-compact-small-plus mb-2">Who or what the visit is for</legend>
          {dependents.map((dependent) => (
            <div key={dependent.id} className="flex items-center gap-x-2">
              <Checkbox
                id={`new-booking-dependent-${dependent.id}`}
                checked={draft.dependentIds.includes(dependent.id)}
                onCheckedChange={(checked) =>
                  onChange({ dependentIds: checked ? [...draft.dependentIds, dependent.id] : draft.dependentIds.filter((id) => id !== dependent.id) })
                }
              />
              <Label htmlFor={`new-booking-dependent-${dependent.id}`} size="small">
                {dependent.name} <span className="text-ui-fg-subtle">· {dependent.type_label}</span>
              </Label>
            </div>
          ))}
        </fieldset>
      )}
      <Field id="new-booking-instructions" label="Instructions for the team (optional)" message={messageFor("instructions")}>
        <Textarea
          id="new-booking-instructions"
          rows={3}
          placeholder="Key safe code, parking, pets…"
          value={draft.instructions}
          onChange={(event) => onChange({ instructions: event.target.value })}
        />
      </Field>
    </div>
  )
}
