import { Input, Select, Textarea, toast } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { type BindField, type FormControls, EntryDrawer, FormField } from "../../../../components/entry-drawer"
import { adminFetch } from "../../../../lib/bookings"
import { useCustomerProfile } from "../../../../lib/profile"
import { CountrySelect } from "../../../../components/country-select"
import { useBookingSaved } from "./use-booking-saved"
import { DEFAULT_COUNTRY, type AdminBooking, type AdminBookingResponse, type AdminUpdateBookingBody, type BaseCustomerAddress } from "@fieldservice/contract"

/** Every field is edited as text; `location` is a saved location's id, AS_BOOKED or NEW_ADDRESS. */
type VisitForm = {
  location: string
  address_1: string
  address_2: string
  city: string
  postal_code: string
  country_code: string
  label: string
  contact_name: string
  contact_email: string
  contact_phone: string
  instructions: string
}

/** The address the booking has, when it didn't come from one of the customer's saved locations (or that one is gone). */
const AS_BOOKED = "as-booked"
const NEW_ADDRESS = "new"

/** The API's names for the fields this form calls otherwise, so each refusal shows beside its field. */
const FIELD_FOR: Record<string, string> = {
  "location.address_id": "location",
  "location.address.address_1": "address_1",
  "location.address.address_2": "address_2",
  "location.address.city": "city",
  "location.address.postal_code": "postal_code",
  "location.address.country_code": "country_code",
  "location.label": "label",
  "contact.name": "contact_name",
  "contact.email": "contact_email",
  "contact.phone": "contact_phone",
}

/** "Home · 14 Larch Avenue, Bristol, BS6 7QT"; a location saved while booking is named by its first line, said once. */
function locationName(address: BaseCustomerAddress) {
  const line = [address.address_1, address.city, address.postal_code].filter(Boolean).join(", ")
  return address.address_name && address.address_name !== address.address_1 ? `${address.address_name} · ${line}` : line
}

/**
 * "Edit" on the Visit section: where the visit is (one of the customer's saved locations, or a
 * new address that joins them), who to ask for on the day and the instructions. Only what
 * changed is sent; the API's refusals show beside their fields.
 */
export function EditVisitDrawer({ booking, open, onOpenChange }: { booking: AdminBooking; open: boolean; onOpenChange: (open: boolean) => void }) {
  const saved = useBookingSaved()
  // The customer's saved locations, asked for when the drawer opens (a guest booking has none).
  const { data } = useCustomerProfile(booking.customer?.id ?? "", { enabled: open && !!booking.customer })
  const locations = booking.customer ? (data?.profile.locations ?? []) : []
  const save = useMutation({
    mutationFn: (body: AdminUpdateBookingBody) => adminFetch<AdminBookingResponse>(`/admin/bookings/${booking.id}`, { body }),
    onSuccess: async (response) => {
      toast.success("Visit details saved")
      await saved(response)
    },
  })

  const contact = booking.contact ?? {}
  const initialValues: VisitForm = {
    // From the booking alone, so the form starts the same whenever the locations arrive.
    location: booking.address_id ?? AS_BOOKED,
    address_1: "",
    address_2: "",
    city: "",
    postal_code: "",
    country_code: DEFAULT_COUNTRY,
    label: "",
    contact_name: contact.name ?? "",
    contact_email: contact.email ?? "",
    contact_phone: contact.phone ?? "",
    instructions: booking.instructions ?? "",
  }

  const toBody = (changed: Partial<VisitForm>): AdminUpdateBookingBody => {
    const values = { ...initialValues, ...changed }
    const body: AdminUpdateBookingBody = {}
    if (values.location === NEW_ADDRESS) {
      body.location = {
        address: {
          address_1: values.address_1,
          address_2: values.address_2 || null,
          city: values.city,
          postal_code: values.postal_code,
          country_code: values.country_code.toLowerCase(),
        },
        label: values.label || null,
      }
    } else if (changed.location !== undefined) {
      body.location = { address_id: values.location }
    }
    const parts = { name: changed.contact_name, email: changed.contact_email, phone: changed.contact_phone }
    const sent = Object.entries(parts).filter(([, value]) => value !== undefined)
    // An empty phone clears it; an empty name or email is the API's to refuse, beside its field.
    if (sent.length) body.contact = Object.fromEntries(sent.map(([part, value]) => [part, part === "phone" ? value?.trim() || null : value]))
    if (changed.instructions !== undefined) body.instructions = changed.instructions.trim() || null
    return body
  }

  return (
    <EntryDrawer
      testIdPrefix="booking-visit"
      open={open}
      onOpenChange={onOpenChange}
      isNew={false}
      title="Edit visit"
      description="Where the visit is, who to ask for on the day and the instructions for the team. The customer sees the changes in the portal."
      initialValues={initialValues}
      toBody={toBody}
      // A new address's label alone, with the location unchanged, is nothing to save.
      onSave={(body) => (Object.keys(body).length ? save.mutateAsync(body) : Promise.resolve())}
      isSaving={save.isPending}
      errorFallback="The visit could not be saved."
      fieldFor={FIELD_FOR}
    >
      {(input, form) => (
        <>
          <LocationFields booking={booking} locations={locations} input={input} form={form} />
          <FormField name="contact_name" label="Contact name">
            <Input autoComplete="off" {...input("contact_name")} />
          </FormField>
          <div className="grid grid-cols-2 gap-x-4">
            <FormField name="contact_email" label="Contact email">
              <Input type="email" autoComplete="off" {...input("contact_email")} />
            </FormField>
            <FormField name="contact_phone" label="Contact phone (optional)">
              <Input type="tel" autoComplete="off" {...input("contact_phone")} />
            </FormField>
          </div>
          <FormField name="instructions" label="Instructions (optional)" hint="Access, parking, pets: what the team should know on the day.">
            <Textarea rows={4} {...input("instructions")} />
          </FormField>
        </>
      )}
    </EntryDrawer>
  )
}

type LocationFieldsProps = {
  booking: AdminBooking
  locations: BaseCustomerAddress[]
  input: BindField<VisitForm>
  form: FormControls<VisitForm>
}

/** The location: a Select of the customer's saved locations, or "New address" and its fields. */
function LocationFields({ booking, locations, input, form }: LocationFieldsProps) {
  const current = booking.address_id ?? AS_BOOKED
  const currentIsListed = locations.some((address) => address.id === current)
  const isNew = form.values.location === NEW_ADDRESS
  return (
    <>
      <FormField name="location" label="Location">
        <Select value={form.values.location} onValueChange={(value) => form.setValue("location", value)}>
          <Select.Trigger id={form.fieldId("location")} data-testid={form.fieldId("location")}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {!currentIsListed && <Select.Item value={current}>As booked: {booking.location_text ?? "no address"}</Select.Item>}
            {locations.map((address) => (
              <Select.Item key={address.id} value={address.id}>
                {locationName(address)}
              </Select.Item>
            ))}
            <Select.Item value={NEW_ADDRESS}>New address…</Select.Item>
          </Select.Content>
        </Select>
      </FormField>
      {isNew && (
        <>
          <FormField
            name="address_1"
            label="Address"
            hint={booking.customer ? undefined : "The booking has no customer account, so the address is kept on the booking only."}
          >
            <Input autoComplete="off" {...input("address_1")} />
          </FormField>
          <FormField name="address_2" label="Address line 2 (optional)">
            <Input autoComplete="off" {...input("address_2")} />
          </FormField>
          <div className="grid grid-cols-2 gap-x-4">
            <FormField name="city" label="Town or city">
              <Input autoComplete="off" {...input("city")} />
            </FormField>
            <FormField name="postal_code" label="Postcode">
              <Input autoComplete="off" {...input("postal_code")} />
            </FormField>
          </div>
          <FormField name="country_code" label="Country">
            <CountrySelect id={form.fieldId("country_code")} value={form.values.country_code} onChange={(value) => form.setValue("country_code", value)} />
          </FormField>
          {booking.customer ? (
            <FormField name="label" label="Label (optional)" hint="Saved to the customer's locations under this name, for example “Mum's house”.">
              <Input autoComplete="off" {...input("label")} />
            </FormField>
          ) : null}
        </>
      )}
    </>
  )
}
