import { Button, Input, Label, Textarea } from "@medusajs/ui"
import { type FormEvent, useState } from "react"
import type { AdminPortalSettings as PortalSettings, AdminUpdatePortalSettings as PortalSettingsInput } from "@fieldservice/contract"
import { FieldMessage } from "../../../../components/entry-drawer"
import type { FormMessage } from "../../../../lib/field-errors"
import { PortalSettingsCard, SettingsFormError, useSaveSettings } from "./portal-settings-card"

/** The form's fields as its labels name them, for the API's messages about them. */
const LABELS: Record<string, string> = {
  cancellation_cutoff_hours: "Cancel online until",
  reschedule_cutoff_hours: "Reschedule online until",
  cancellation_policy: "Fees and refunds",
  office_phone: "Office phone",
  office_email: "Office email",
}

/** Cancellation and reschedule rules: the cut-offs the API enforces and the wording customers read. */
export function BookingChangesSection() {
  return (
    <PortalSettingsCard
      testId="booking-changes-settings"
      title="Cancellations and rescheduling"
      description="Customers can cancel or move a booking in the portal until the cut-off. After it, the portal shows the office phone and email instead; both are also in the portal's footer and on its Support page. The rules below are shown to customers before they cancel or reschedule; the office is emailed about every change."
    >
      {(settings) => <BookingChangesForm key={settings.updated_at} settings={settings} />}
    </PortalSettingsCard>
  )
}

/** Whole hours from 0 to 720, as typed; null when it isn't one. */
const parseHours = (value: string) => (/^\d{1,3}$/.test(value.trim()) && Number(value) <= 720 ? Number(value) : null)

function BookingChangesForm({ settings }: { settings: PortalSettings }) {
  const [cancelHours, setCancelHours] = useState(String(settings.cancellation_cutoff_hours))
  const [rescheduleHours, setRescheduleHours] = useState(String(settings.reschedule_cutoff_hours))
  const [policy, setPolicy] = useState(settings.cancellation_policy)
  const [phone, setPhone] = useState(settings.office_phone ?? "")
  const [email, setEmail] = useState(settings.office_email ?? "")

  const [formError, setFormError] = useState<string | null>(null)
  const [fieldMessages, setFieldMessages] = useState<FormMessage[]>([])
  const save = useSaveSettings({
    savedMessage: () => "Cancellation and rescheduling rules saved",
    setFormError,
    fields: { labels: LABELS, setMessages: setFieldMessages },
  })
  const messageFor = (field: string) => fieldMessages.find((message) => message.field === field)?.message ?? null

  const cancellation = parseHours(cancelHours)
  const reschedule = parseHours(rescheduleHours)
  const body: PortalSettingsInput = {}
  if (cancellation !== null && cancellation !== settings.cancellation_cutoff_hours) body.cancellation_cutoff_hours = cancellation
  if (reschedule !== null && reschedule !== settings.reschedule_cutoff_hours) body.reschedule_cutoff_hours = reschedule
  if (policy.trim() !== settings.cancellation_policy) body.cancellation_policy = policy.trim()
  if ((phone.trim() || null) !== settings.office_phone) body.office_phone = phone.trim() || null
  if ((email.trim() || null) !== settings.office_email) body.office_email = email.trim() || null
  const dirty = Object.keys(body).length > 0

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (cancellation === null || reschedule === null) {
      setFormError("Cut-offs are whole hours from 0 to 720 (30 days).")
      return
    }
    if (!policy.trim()) {
      setFormError("Write the cancellation and refund rules customers should read.")
      return
    }
    if (!dirty) return
    setFormError(null)
    setFieldMessages([])
    save.mutate(body)
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="flex flex-col gap-y-4 px-6 py-4">
        <SettingsFormError message={formError} testId="booking-changes-error" />
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="cancellation-cutoff" size="small" weight="plus">
              Cancel online until (hours before the arrival window)
            </Label>
            <Input
              id="cancellation-cutoff"
              inputMode="numeric"
              value={cancelHours}
              onChange={(event) => setCancelHours(event.target.value)}
              aria-invalid={cancellation === null || undefined}
            />
            <FieldMessage message={messageFor("cancellation_cutoff_hours")} testId="cancellation-cutoff-error" />
          </div>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="reschedule-cutoff" size="small" weight="plus">
              Reschedule online until (hours before the arrival window)
            </Label>
            <Input
              id="reschedule-cutoff"
              inputMode="numeric"
              value={rescheduleHours}
              onChange={(event) => setRescheduleHours(event.target.value)}
              aria-invalid={reschedule === null || undefined}
            />
            <FieldMessage message={messageFor("reschedule_cutoff_hours")} testId="reschedule-cutoff-error" />
          </div>
        </div>
        <div className="flex flex-col gap-y-2">
          <Label htmlFor="cancellation-policy" size="small" weight="plus">
            Fees and refunds, as customers read them
          </Label>
          <Textarea id="cancellation-policy" rows={4} value={policy} onChange={(event) => setPolicy(event.target.value)} />
          <FieldMessage message={messageFor("cancellation_policy")} testId="cancellation-policy-error" />
        </div>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="office-phone" size="small" weight="plus">
              Office phone
            </Label>
            <Input id="office-phone" type="tel" value={phone} onChange={(event) => setPhone(event.target.value)} placeholder="0117 496 0000" />
            <FieldMessage message={messageFor("office_phone")} testId="office-phone-error" />
          </div>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="office-email" size="small" weight="plus">
              Office email
            </Label>
            <Input id="office-email" type="email" value={email} onChange={(event) => setEmail(event.target.value)} placeholder="office@example.com" />
            <FieldMessage message={messageFor("office_email")} testId="office-email-error" />
          </div>
        </div>
      </div>
      <div className="flex justify-end px-6 py-4">
        <Button
          size="small"
          type="submit"
          isLoading={save.isPending}
          // Enabled for a bad value too, so pressing Save says what is wrong.
          disabled={!dirty && cancellation !== null && reschedule !== null && policy.trim() !== ""}
          data-testid="booking-changes-save"
        >
          Save
        </Button>
      </div>
    </form>
  )
}
