import { Button, Input, Label, Switch, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import {
  REMINDER_LEAD_HOURS_MAX,
  type AdminUpdateVisitReminderSettings,
  type AdminVisitReminderSettings,
  type AdminVisitReminderSettingsResponse,
} from "@fieldservice/contract"
import { sdk } from "../../../../lib/sdk"
import { SettingsCard } from "../../components/card-header"
import { SettingsFormError } from "./portal-settings-card"

const QUERY_KEY = ["visit-reminder-settings"]
const PATH = "/admin/portal/visit-reminders"

/** "48, 2" → [48, 2]; null when any part isn't a whole number of hours in range. */
function parseLeadHours(value: string): number[] | null {
  const parts = value
    .split(/[,\s]+/)
    .map((part) => part.trim())
    .filter(Boolean)
  if (!parts.length || parts.some((part) => !/^\d{1,3}$/.test(part))) return null
  const hours = parts.map(Number)
  return hours.every((hour) => hour >= 1 && hour <= REMINDER_LEAD_HOURS_MAX) ? hours : null
}

/** "2 days and 2 hours before" for the card's summary. */
const describeLead = (hours: number) => (hours % 24 === 0 ? `${hours / 24} day${hours === 24 ? "" : "s"}` : `${hours} hour${hours === 1 ? "" : "s"}`)

/** Visit reminders: emails before each visit, sent by the visit-reminders job at each lead time. */
export function VisitRemindersSection() {
  const query = useQuery({ queryKey: QUERY_KEY, queryFn: () => sdk.client.fetch<AdminVisitReminderSettingsResponse>(PATH) })
  return (
    <SettingsCard
      title="Visit reminders"
      description="Customers are emailed before each booked visit with its time, address, who is coming and links to reschedule or cancel within your rules. Customers who turned reminders off (on their profile, or with the email's unsubscribe link) get none; cancelled visits get none, and a moved visit gets reminders for its new time."
      testId="visit-reminder-settings"
      query={query}
    >
      {(data) => <VisitRemindersForm key={data.settings.updated_at ?? "new"} settings={data.settings} />}
    </SettingsCard>
  )
}

function VisitRemindersForm({ settings }: { settings: AdminVisitReminderSettings }) {
  const queryClient = useQueryClient()
  const [enabled, setEnabled] = useState(settings.enabled)
  const [leadText, setLeadText] = useState(settings.lead_hours.join(", "))
  const [formError, setFormError] = useState<string | null>(null)
  const save = useMutation({
    mutationFn: (body: AdminUpdateVisitReminderSettings) => sdk.client.fetch<AdminVisitReminderSettingsResponse>(PATH, { method: "POST", body }),
    onSuccess: (response) => {
      toast.success(response.settings.enabled ? "Visit reminders saved" : "Visit reminders turned off")
      queryClient.setQueryData(QUERY_KEY, response)
    },
    onError: (error: Error) => setFormError(error.message || "The settings could not be saved."),
  })

  const leadHours = parseLeadHours(leadText)
  const dirty = enabled !== settings.enabled || (leadHours !== null && leadHours.join(",") !== settings.lead_hours.join(","))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!leadHours) {
      setFormError(`Lead times are whole hours from 1 to ${REMINDER_LEAD_HOURS_MAX}, separated by commas, like 48, 2.`)
      return
    }
    setFormError(null)
    save.mutate({ enabled, lead_hours: leadHours })
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="flex flex-col gap-y-4 px-6 py-4">
        <SettingsFormError message={formError} testId="visit-reminders-error" />
        <div className="flex items-center gap-x-3">
          <Switch id="visit-reminders-enabled" checked={enabled} onCheckedChange={setEnabled} data-testid="visit-reminders-enabled" />
          <Label htmlFor="visit-reminders-enabled" size="small" weight="plus">
            Send visit reminders
          </Label>
        </div>
        <div className="flex flex-col gap-y-2">
          <Label htmlFor="visit-reminders-lead" size="small" weight="plus">
            Hours before the visit (separate several with commas)
          </Label>
          <Input
            id="visit-reminders-lead"
            value={leadText}
            onChange={(event) => setLeadText(event.target.value)}
            aria-invalid={leadHours === null || undefined}
            disabled={!enabled}
            data-testid="visit-reminders-lead"
          />
          <Text size="small" className="text-ui-fg-subtle">
            {leadHours
              ? `A reminder ${[...leadHours]
                  .sort((a, b) => b - a)
                  .map(describeLead)
                  .join(" and ")} before each visit. A visit booked after a reminder's time gets only the later ones.`
              : "For example 48, 2: two days and two hours before."}
          </Text>
        </div>
      </div>
      <div className="flex justify-end px-6 py-4">
        <Button size="small" type="submit" isLoading={save.isPending} disabled={!dirty && leadHours !== null} data-testid="visit-reminders-save">
          Save
        </Button>
      </div>
    </form>
  )
}
