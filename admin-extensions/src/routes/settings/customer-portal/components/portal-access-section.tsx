import { Button, Label, Switch, Text, Textarea, usePrompt } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { formatDateTime } from "../../../../lib/portal"
import { useLeaveWarning } from "../../../../lib/unsaved-changes"
import type { AdminPortalSettings as PortalSettings } from "@fieldservice/contract"
import { PortalSettingsCard, SettingsFormError, useSaveSettings } from "./portal-settings-card"

export function PortalAccessSection() {
  return (
    <PortalSettingsCard
      testId="portal-access-settings"
      title="Portal access"
      description="While the portal is closed, sign-up and logins are refused with the message below, and invite emails are not sent."
    >
      {(settings) => (
        <>
          <PortalSwitch settings={settings} />
          {/* Keyed by the saved message, so switching the portal doesn't reset a message being written. */}
          <ClosedMessageForm key={settings.closed_message} settings={settings} />
        </>
      )}
    </PortalSettingsCard>
  )
}

/**
 * Saves as soon as it is switched, as every switch outside a drawer does; closing asks first,
 * since it signs every customer out of the portal. The label always says what the portal is.
 */
function PortalSwitch({ settings }: { settings: PortalSettings }) {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const [formError, setFormError] = useState<string | null>(null)
  const save = useSaveSettings({
    savedMessage: (response) => (response.settings.portal_enabled ? "The portal is open." : "The portal is closed."),
    setFormError,
    // Every customer's "Portal access" widget shows whether invites can be sent.
    afterSave: () => queryClient.invalidateQueries({ queryKey: ["customer-portal-account"] }),
  })
  // Shows the new position while it saves; back to the saved one if the save fails.
  const open = save.isPending && save.variables?.portal_enabled !== undefined ? save.variables.portal_enabled : settings.portal_enabled

  const change = async (next: boolean) => {
    if (!next) {
      const confirmed = await prompt({
        title: "Close the customer portal?",
        description: "Customers can't sign up or log in until it is opened again; they see the message below.",
        confirmText: "Close portal",
        cancelText: "Keep open",
      })
      if (!confirmed) return
    }
    setFormError(null)
    save.mutate({ portal_enabled: next })
  }

  return (
    <div className="flex flex-col gap-y-2 px-6 py-4">
      <SettingsFormError message={formError} testId="portal-settings-error" />
      <div className="flex items-center gap-x-3">
        <Switch id="portal-enabled" checked={open} onCheckedChange={change} disabled={save.isPending} data-testid="portal-enabled-switch" />
        <Label htmlFor="portal-enabled" size="small" weight="plus" data-testid="portal-enabled-label">
          {open ? "Customer portal open" : "Customer portal closed"}
        </Label>
      </div>
      <Text size="small" className="text-ui-fg-subtle">
        Saved as soon as you switch it.
      </Text>
    </div>
  )
}

function ClosedMessageForm({ settings }: { settings: PortalSettings }) {
  const [message, setMessage] = useState(settings.closed_message)
  const [formError, setFormError] = useState<string | null>(null)
  const save = useSaveSettings({ savedMessage: () => "Message saved.", setFormError })
  const dirty = message.trim() !== settings.closed_message
  useLeaveWarning(dirty)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!dirty) return
    setFormError(null)
    save.mutate({ closed_message: message.trim() })
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="flex flex-col gap-y-4 px-6 py-4">
        <SettingsFormError message={formError} testId="portal-closed-message-error" />
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
          Save message
        </Button>
      </div>
    </form>
  )
}
