import { Button, Label, Switch, Text, Textarea } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { formatDateTime } from "../../../../lib/portal"
import type { AdminPortalSettings as PortalSettings, AdminUpdatePortalSettings as PortalSettingsInput } from "@fieldservice/contract"
import { PortalSettingsCard, SettingsFormError, useSaveSettings } from "./portal-settings-card"

export function PortalAccessSection() {
  return (
    <PortalSettingsCard
      testId="portal-access-settings"
      title="Portal access"
      description="While the portal is closed, sign-up and logins are refused with the message below, and invite emails are not sent."
    >
      {(settings) => <PortalAccessForm key={settings.updated_at} settings={settings} />}
    </PortalSettingsCard>
  )
}

function PortalAccessForm({ settings }: { settings: PortalSettings }) {
  const queryClient = useQueryClient()
  const [enabled, setEnabled] = useState(settings.portal_enabled)
  const [message, setMessage] = useState(settings.closed_message)
  const [formError, setFormError] = useState<string | null>(null)

  const save = useSaveSettings({
    savedMessage: (response) => (response.settings.portal_enabled ? "Settings saved. The portal is open." : "Settings saved. The portal is closed."),
    setFormError,
    // Every customer's "Portal access" widget shows whether invites can be sent.
    afterSave: () => queryClient.invalidateQueries({ queryKey: ["customer-portal-account"] }),
  })

  const body: PortalSettingsInput = {}
  if (enabled !== settings.portal_enabled) body.portal_enabled = enabled
  if (message.trim() !== settings.closed_message) body.closed_message = message.trim()
  const dirty = Object.keys(body).length > 0

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!dirty) return
    setFormError(null)
    save.mutate(body)
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="flex flex-col gap-y-4 px-6 py-4">
        <SettingsFormError message={formError} testId="portal-settings-error" />
        <div className="flex items-center gap-x-3">
          <Switch id="portal-enabled" checked={enabled} onCheckedChange={setEnabled} data-testid="portal-enabled-switch" />
          <Label htmlFor="portal-enabled" size="small" weight="plus">
            Customer portal open
          </Label>
        </div>
        <div className="flex flex-col gap-y-2">
          <Label htmlFor="portal-closed-message" size="small" weight="plus">
            Message shown while closed
          </Label>
          <Textarea
            id="portal-closed-message"
            rows={4}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            data-testid="portal-closed-message"
          />
        </div>
        {settings.updated_at && (
          <Text size="xsmall" className="text-ui-fg-muted">
            Last changed {formatDateTime(settings.updated_at)}
          </Text>
        )}
      </div>
      <div className="flex justify-end px-6 py-4">
        <Button size="small" type="submit" isLoading={save.isPending} disabled={!dirty} data-testid="portal-settings-save">
          Save
        </Button>
      </div>
    </form>
  )
}
