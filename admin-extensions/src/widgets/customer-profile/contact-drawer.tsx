import { Plus, Trash } from "@medusajs/icons"
import { Button, Drawer, IconButton, Input, Label, RadioGroup, Select, Text, toast } from "@medusajs/ui"
import { type FormEvent, type ReactNode, useState } from "react"
import { FormError, FormFooter, useDiscardGuard } from "../../components/entry-drawer"
import { MAX_LIST_ITEMS, PHONE_TYPE_LABELS } from "../../lib/profile"
import { errorMessage, useUpdateProfile } from "./use-update-profile"
import type { AdminCustomerProfile as CustomerProfile, AdminUpdateCustomerProfile as CustomerProfileUpdate, PhoneType } from "@fieldservice/contract"

type Row = { key: string; value: string }
type PhoneRow = Row & { type: PhoneType }

/** Form state: every list row has a key that stays put while rows are added and removed. */
type ContactForm = {
  first_name: string
  last_name: string
  other_names: Row[]
  emails: Row[]
  /** The key of the primary email's row. */
  primary_email: string | null
  phones: PhoneRow[]
  primary_phone: string | null
}

let lastKey = 0
const newKey = () => `new-${++lastKey}`

/**
 * The customer's own email and phone are the primary ones, so they lead the lists, marked. A
 * sign-in email is not edited here: the email list is then only the other ones.
 */
function toForm(profile: CustomerProfile): ContactForm {
  const ownEmail = profile.has_login ? [] : [{ key: "account-email", value: profile.account_email }]
  const ownPhone = profile.account_phone ? [{ key: "account-phone", value: profile.account_phone, type: "mobile" as const }] : []
  const phones = [...ownPhone, ...profile.phones.map(({ id, value, kind }) => ({ key: id, value, type: kind }))]
  return {
    first_name: profile.first_name ?? "",
    last_name: profile.last_name ?? "",
    other_names: profile.additional_names.map((value) => ({ key: newKey(), value })),
    emails: [...ownEmail, ...profile.emails.map(({ id, value }) => ({ key: id, value }))],
    primary_email: ownEmail[0]?.key ?? null,
    phones,
    primary_phone: phones[0]?.key ?? null,
  }
}

/** The request's lists; blank rows are left out. */
function toLists(form: ContactForm) {
  return {
    additional_names: form.other_names.map((row) => row.value.trim()).filter(Boolean),
    emails: form.emails.filter((row) => row.value.trim()).map((row) => ({ email: row.value.trim(), is_primary: row.key === form.primary_email })),
    phones: form.phones
      .filter((row) => row.value.trim())
      .map((row) => ({ number: row.value.trim(), type: row.type, is_primary: row.key === form.primary_phone })),
  }
}

/** Only what changed; emails and phones always go together (the API replaces both lists). */
function toBody(initial: ContactForm, form: ContactForm): CustomerProfileUpdate {
  const body: CustomerProfileUpdate = {}
  for (const name of ["first_name", "last_name"] as const) {
    const value = form[name].trim()
    if (value === initial[name].trim()) continue
    if (!value) throw new Error(name === "first_name" ? "Enter a first name." : "Enter a last name.")
    body[name] = value
  }
  const before = toLists(initial)
  const after = toLists(form)
  if (JSON.stringify(after.additional_names) !== JSON.stringify(before.additional_names)) {
    body.additional_names = after.additional_names
  }
  if (JSON.stringify([after.emails, after.phones]) !== JSON.stringify([before.emails, before.phones])) {
    body.emails = after.emails
    body.phones = after.phones
  }
  return body
}

/** Edits the customer's names, other names, emails and phone numbers; saved in one request. */
export function ContactDrawer({
  customerId,
  profile,
  open,
  onOpenChange,
}: {
  customerId: string
  profile: CustomerProfile
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const save = useUpdateProfile(customerId, "Contact details saved")
  const { dirty, requestOpenChange } = useDiscardGuard(onOpenChange)
  return (
    <Drawer open={open} onOpenChange={requestOpenChange}>
      <Drawer.Content data-testid="customer-profile-contact-drawer">
        <Drawer.Header>
          {/* Radix renders the title as an h2; these are Heading's h2 styles. */}
          <Drawer.Title className="h2-core font-sans font-medium">Edit contact details</Drawer.Title>
          <Drawer.Description className="text-ui-fg-subtle txt-small">
            The customer sees and can change these on the portal’s My account page. The primary email and phone are the ones the directory, bookings and emails
            use.
          </Drawer.Description>
        </Drawer.Header>
        {/* Mounted only while open, so each opening starts from the profile's current values. */}
        <ContactFormBody
          profile={profile}
          onSave={(body) => save.mutateAsync(body)}
          isSaving={save.isPending}
          dirty={dirty}
          onDone={() => onOpenChange(false)}
        />
      </Drawer.Content>
    </Drawer>
  )
}

function ContactFormBody({
  profile,
  onSave,
  isSaving,
  dirty,
  onDone,
}: {
  profile: CustomerProfile
  onSave: (body: CustomerProfileUpdate) => Promise<unknown>
  isSaving: boolean
  dirty: { current: boolean }
  onDone: () => void
}) {
  const [initial] = useState(() => toForm(profile))
  const signIn = profile.has_login
  const [form, setForm] = useState<ContactForm>(initial)
  dirty.current = JSON.stringify(form) !== JSON.stringify(initial)
  const [error, setError] = useState<string | null>(null)
  /** The row just added, which takes the focus. */
  const [focusKey, setFocusKey] = useState<string | null>(null)

  const update = (change: Partial<ContactForm>) => setForm((current) => ({ ...current, ...change }))

  const setRow = <K extends "other_names" | "emails" | "phones">(list: K, key: string, change: Partial<ContactForm[K][number]>) =>
    setForm((current) => ({
      ...current,
      [list]: (current[list] as Row[]).map((row) => (row.key === key ? { ...row, ...change } : row)),
    }))

  const addRow = (list: "other_names" | "emails" | "phones") => {
    const key = newKey()
    setFocusKey(key)
    setForm((current) => {
      const next = { ...current }
      if (list === "phones") {
        next.phones = [...current.phones, { key, value: "", type: "mobile" }]
        if (!current.primary_phone) next.primary_phone = key
      } else if (list === "emails") {
        next.emails = [...current.emails, { key, value: "" }]
        if (!current.primary_email && !signIn) next.primary_email = key
      } else {
        next.other_names = [...current.other_names, { key, value: "" }]
      }
      return next
    })
  }

  // Removing the primary row makes the first one left the primary.
  const removeRow = (list: "other_names" | "emails" | "phones", key: string) =>
    setForm((current) => {
      const next = { ...current }
      if (list === "phones") {
        next.phones = current.phones.filter((row) => row.key !== key)
        if (current.primary_phone === key) next.primary_phone = next.phones[0]?.key ?? null
      } else if (list === "emails") {
        next.emails = current.emails.filter((row) => row.key !== key)
        if (current.primary_email === key) next.primary_email = next.emails[0]?.key ?? null
      } else {
        next.other_names = current.other_names.filter((row) => row.key !== key)
      }
      return next
    })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    let body: CustomerProfileUpdate
    try {
      body = toBody(initial, form)
    } catch (caught) {
      const message = errorMessage(caught)
      setError(message)
      toast.error(message)
      return
    }
    if (Object.keys(body).length === 0) {
      onDone()
      return
    }
    setError(null)
    try {
      await onSave(body)
      onDone()
    } catch (caught) {
      // Already toasted by the mutation; the drawer stays open with the reason.
      setError(errorMessage(caught, "The contact details could not be saved."))
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        <FormError error={error} testId="customer-profile-contact-error" />
        <div className="grid grid-cols-2 gap-x-4">
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="customer-profile-first-name" size="small" weight="plus">
              First name
            </Label>
            <Input
              id="customer-profile-first-name"
              autoComplete="off"
              value={form.first_name}
              onChange={(event) => update({ first_name: event.target.value })}
              data-testid="customer-profile-first-name"
            />
          </div>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="customer-profile-last-name" size="small" weight="plus">
              Last name
            </Label>
            <Input
              id="customer-profile-last-name"
              autoComplete="off"
              value={form.last_name}
              onChange={(event) => update({ last_name: event.target.value })}
              data-testid="customer-profile-last-name"
            />
          </div>
        </div>

        <ListFieldset
          legend="Other names"
          hint="Shown on bookings and found by search, e.g. “Jo” or “Dr J. Smith”."
          addLabel="Add name"
          canAdd={form.other_names.length < MAX_LIST_ITEMS}
          onAdd={() => addRow("other_names")}
          testId="customer-profile-other-names-field"
        >
          {form.other_names.map((row, index) => (
            <div key={row.key} className="flex items-center gap-x-2" data-testid="customer-profile-other-name-row">
              <Input
                aria-label={`Other name ${index + 1}`}
                autoComplete="off"
                autoFocus={row.key === focusKey}
                value={row.value}
                onChange={(event) => setRow("other_names", row.key, { value: event.target.value })}
                data-testid="customer-profile-other-name-input"
              />
              <RemoveButton label={`Remove other name ${index + 1}`} onClick={() => removeRow("other_names", row.key)} />
            </div>
          ))}
        </ListFieldset>

        <ListFieldset
          legend={signIn ? "Other emails" : "Emails"}
          hint={
            signIn
              ? `The primary email is the sign-in email, ${profile.account_email}; it is not changed here.`
              : "Choose the primary email with the radio button."
          }
          addLabel="Add email"
          canAdd={form.emails.length < MAX_LIST_ITEMS}
          onAdd={() => addRow("emails")}
          testId="customer-profile-emails-field"
        >
          {form.emails.length > 0 && (
            <RadioGroup
              aria-label="Primary email"
              value={form.primary_email ?? ""}
              onValueChange={(key) => update({ primary_email: key })}
              className="flex flex-col gap-y-2"
            >
              {form.emails.map((row, index) => (
                <div key={row.key} className="flex items-center gap-x-2" data-testid="customer-profile-email-row">
                  {!signIn && (
                    <RadioGroup.Item value={row.key} aria-label={`Make email ${index + 1} the primary email`} data-testid="customer-profile-email-primary" />
                  )}
                  <Input
                    type="email"
                    aria-label={`Email ${index + 1}`}
                    autoComplete="off"
                    autoFocus={row.key === focusKey}
                    value={row.value}
                    onChange={(event) => setRow("emails", row.key, { value: event.target.value })}
                    data-testid="customer-profile-email-input"
                  />
                  <RemoveButton label={`Remove email ${index + 1}`} onClick={() => removeRow("emails", row.key)} />
                </div>
              ))}
            </RadioGroup>
          )}
        </ListFieldset>

        <ListFieldset
          legend="Phone numbers"
          hint="Choose the primary number with the radio button."
          addLabel="Add number"
          canAdd={form.phones.length < MAX_LIST_ITEMS}
          onAdd={() => addRow("phones")}
          testId="customer-profile-phones-field"
        >
          {form.phones.length > 0 && (
            <RadioGroup
              aria-label="Primary phone number"
              value={form.primary_phone ?? ""}
              onValueChange={(key) => update({ primary_phone: key })}
              className="flex flex-col gap-y-2"
            >
              {form.phones.map((row, index) => (
                <div key={row.key} className="flex items-center gap-x-2" data-testid="customer-profile-phone-row">
                  <RadioGroup.Item value={row.key} aria-label={`Make number ${index + 1} the primary number`} data-testid="customer-profile-phone-primary" />
                  <Input
                    type="tel"
                    aria-label={`Phone number ${index + 1}`}
                    autoComplete="off"
                    autoFocus={row.key === focusKey}
                    value={row.value}
                    onChange={(event) => setRow("phones", row.key, { value: event.target.value })}
                    data-testid="customer-profile-phone-input"
                  />
                  <div className="w-32 shrink-0">
                    <Select value={row.type} onValueChange={(type) => setRow("phones", row.key, { type: type as PhoneType })}>
                      <Select.Trigger aria-label={`Type of number ${index + 1}`} data-testid="customer-profile-phone-type">
                        <Select.Value />
                      </Select.Trigger>
                      <Select.Content>
                        {(Object.keys(PHONE_TYPE_LABELS) as PhoneType[]).map((type) => (
                          <Select.Item key={type} value={type}>
                            {PHONE_TYPE_LABELS[type]}
                          </Select.Item>
                        ))}
                      </Select.Content>
                    </Select>
                  </div>
                  <RemoveButton label={`Remove number ${index + 1}`} onClick={() => removeRow("phones", row.key)} />
                </div>
              ))}
            </RadioGroup>
          )}
        </ListFieldset>
      </Drawer.Body>
      <FormFooter testIdPrefix="customer-profile-contact" isSaving={isSaving} />
    </form>
  )
}

/** A titled list of rows with an Add button underneath. */
function ListFieldset({
  legend,
  hint,
  addLabel,
  canAdd,
  onAdd,
  testId,
  children,
}: {
  legend: string
  hint: string
  addLabel: string
  canAdd: boolean
  onAdd: () => void
  testId: string
  children: ReactNode
}) {
  return (
    <div role="group" aria-labelledby={`${testId}-legend`} className="flex flex-col gap-y-2" data-testid={testId}>
      <Text id={`${testId}-legend`} size="small" weight="plus" leading="compact">
        {legend}
      </Text>
      <Text size="small" className="text-ui-fg-subtle">
        {hint}
      </Text>
      {children}
      <div>
        <Button size="small" variant="transparent" type="button" onClick={onAdd} disabled={!canAdd}>
          <Plus />
          {addLabel}
        </Button>
      </div>
      {!canAdd && (
        <Text size="xsmall" className="text-ui-fg-muted">
          At most {MAX_LIST_ITEMS}.
        </Text>
      )}
    </div>
  )
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <IconButton size="small" variant="transparent" type="button" aria-label={label} onClick={onClick} data-testid="customer-profile-remove-row">
      <Trash />
    </IconButton>
  )
}
