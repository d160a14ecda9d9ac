import { Button, Container, Heading, Label, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { formatDateTime, portalQueryKeys } from "../../../../lib/portal"
import { sdk } from "../../../../lib/sdk"
import type {
  AdminPortalSettings as PortalSettings,
  AdminUpdatePortalSettings as PortalSettingsInput,
  AdminPortalSettingsResponse as PortalSettingsResponse,
} from "@fieldservice/contract"

export function PortalAccessSection() {
  const { data, isLoading, error } = useQuery({
    queryKey: portalQueryKeys.settings,
    queryFn: () => sdk.client.fetch<PortalSettingsResponse>("/admin/portal/settings"),
  })
  const settings = data?.settings

  return (
    <Container className="divide-y p-0" data-testid="portal-access-settings">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Portal access</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          While the portal is closed, sign-up and logins are refused with the message below, and invite emails are not sent.
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
      {/* Remounted after each save, so the form always starts from what the server holds. */}
      {settings && <PortalAccessForm key={settings.updated_at} settings={settings} />}
    </Container>
  )
}

function PortalAccessForm({ settings }: { settings: PortalSettings }) {
  const queryClient = useQueryClient()
  const [enabled, setEnabled] = useState(settings.portal_enabled)
  const [message, setMessage] = useState(settings.closed_message)
  const [formError, setFormError] = useState<string | null>(null)

  const save = useMutation({
    mutationFn: (body: PortalSettingsInput) => sdk.client.fetch<PortalSettingsResponse>("/admin/portal/settings", { method: "POST", body }),
    onSuccess: (response) => {
      toast.success(response.settings.portal_enabled ? "Settings saved. The portal is open." : "Settings saved. The portal is closed.")
      queryClient.setQueryData(portalQueryKeys.settings, response)
      // Every customer's "Portal access" widget shows whether invites can be sent.
      return queryClient.invalidateQueries({ queryKey: ["customer-portal-account"] })
    },
    onError: (error: Error) => {
      setFormError(error.message)
      toast.error(error.message)
    },
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
        {formError && (
          <div role="alert" className="bg-ui-bg-subtle border-ui-border-error rounded-md border px-3 py-2" data-testid="portal-settings-error">
            <Text size="small" className="text-ui-fg-error">
              {formError}
            </Text>
          </div>
        )}
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
