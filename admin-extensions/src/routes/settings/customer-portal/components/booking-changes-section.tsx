import { Button, Container, Heading, Input, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { portalQueryKeys } from "../../../../lib/portal"
import { sdk } from "../../../../lib/sdk"
import type {
  AdminPortalSettings as PortalSettings,
  AdminUpdatePortalSettings as PortalSettingsInput,
  AdminPortalSettingsResponse as PortalSettingsResponse,
} from "@fieldservice/contract"

/** Cancellation and reschedule rules: the cut-offs the API enforces and the wording customers read. */
export function BookingChangesSection() {
  const { data, isLoading, error } = useQuery({
    queryKey: portalQueryKeys.settings,
    queryFn: () => sdk.client.fetch<PortalSettingsResponse>("/admin/portal/settings"),
  })
  const settings = data?.settings

  return (
    <Container className="divide-y p-0" data-testid="booking-changes-settings">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Cancellations and rescheduling</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Customers can cancel or move a booking in the portal until the cut-off. After it, the portal shows the office phone and email instead. The rules below
          are shown to customers before they cancel or reschedule; the office is emailed about every change.
        </Text>
      </div>
      {isLoading && (
        <Text className="px-6 py-4" size="small">
          Loading settings…
        </Text>
      )}
      {error && (
        <Text className="px-6 py-4 text-ui-fg-error" size="small">
          The settings could not be loaded: {error.message}
        </Text>
      )}
      {settings && <BookingChangesForm key={settings.updated_at} settings={settings} />}
    </Container>
  )
}

/** Whole hours from 0 to 720, as typed; null when it isn't one. */
const parseHours = (value: string) => (/^\d{1,3}$/.test(value.trim()) && Number(value) <= 720 ? Number(value) : null)

function BookingChangesForm({ settings }: { settings: PortalSettings }) {
  const queryClient = useQueryClient()
  const [cancelHours, setCancelHours] = useState(String(settings.cancellation_cutoff_hours))
  const [rescheduleHours, setRescheduleHours] = useState(String(settings.reschedule_cutoff_hours))
  const [policy, setPolicy] = useState(settings.cancellation_policy)
  const [phone, setPhone] = useState(settings.office_phone ?? "")
  const [formError, setFormError] = useState<string | null>(null)

  const save = useMutation({
    mutationFn: (body: PortalSettingsInput) => sdk.client.fetch<PortalSettingsResponse>("/admin/portal/settings", { method: "POST", body }),
    onSuccess: (response) => {
      toast.success("Cancellation and rescheduling rules saved")
      queryClient.setQueryData(portalQueryKeys.settings, response)
    },
    onError: (error: Error) => {
      setFormError(error.message)
      toast.error(error.message)
    },
  })

  const cancellation = parseHours(cancelHours)
  const reschedule = parseHours(rescheduleHours)
  const body: PortalSettingsInput = {}
  if (cancellation !== null && cancellation !== settings.cancellation_cutoff_hours) body.cancellation_cutoff_hours = cancellation
  if (reschedule !== null && reschedule !== settings.reschedule_cutoff_hours) body.reschedule_cutoff_hours = reschedule
  if (policy.trim() !== settings.cancellation_policy) body.cancellation_policy = policy.trim()
  if ((phone.trim() || null) !== settings.office_phone) body.office_phone = phone.trim() || null
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
    save.mutate(body)
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="flex flex-col gap-y-4 px-6 py-4">
        {formError && (
          <div role="alert" className="bg-ui-bg-subtle border-ui-border-error rounded-md border px-3 py-2" data-testid="booking-changes-error">
            <Text size="small" className="text-ui-fg-error">
              {formError}
            </Text>
          </div>
        )}
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
          </div>
        </div>
        <div className="flex flex-col gap-y-2">
          <Label htmlFor="cancellation-policy" size="small" weight="plus">
            Fees and refunds, as customers read them
          </Label>
          <Textarea id="cancellation-policy" rows={4} value={policy} onChange={(event) => setPolicy(event.target.value)} />
        </div>
        <div className="flex flex-col gap-y-2">
          <Label htmlFor="office-phone" size="small" weight="plus">
            Office phone (for changes after the cut-off)
          </Label>
          <Input id="office-phone" type="tel" value={phone} onChange={(event) => setPhone(event.target.value)} placeholder="0117 496 0000" />
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
