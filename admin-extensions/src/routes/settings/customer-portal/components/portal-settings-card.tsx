import { Container, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { ReactNode } from "react"
import type {
  AdminPortalSettings as PortalSettings,
  AdminUpdatePortalSettings as PortalSettingsInput,
  AdminPortalSettingsResponse as PortalSettingsResponse,
} from "@fieldservice/contract"
import { portalQueryKeys } from "../../../../lib/portal"
import { type FormMessage, formMessages } from "../../../../lib/field-errors"
import { sdk } from "../../../../lib/sdk"
import { CardHeader } from "../../components/card-header"

type PortalSettingsCardProps = {
  testId: string
  title: string
  description: ReactNode
  /** Remounted after each save (keyed by `updated_at`), so the form always starts from what the server holds. */
  children: (settings: PortalSettings) => ReactNode
}

/** A card of the portal settings page: loads the settings, then shows its own form. */
export function PortalSettingsCard({ testId, title, description, children }: PortalSettingsCardProps) {
  const { data, isLoading, error } = useQuery({
    queryKey: portalQueryKeys.settings,
    queryFn: () => sdk.client.fetch<PortalSettingsResponse>("/admin/portal/settings"),
  })
  const settings = data?.settings

  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <CardHeader title={title} description={description} />
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
      {settings && children(settings)}
    </Container>
  )
}

type SaveOptions = {
  /** The toast after a save. */
  savedMessage: (response: PortalSettingsResponse) => string
  /** Why a save was refused, when no field of the form is to blame ("" when every message has its field). */
  setFormError: (message: string) => void
  /** The form's labels by API field name, and where its messages about them go. */
  fields?: { labels: Record<string, string>; setMessages: (messages: FormMessage[]) => void }
  /** More to refresh after a save; the button spins until it is done. */
  afterSave?: () => Promise<unknown>
}

/** Saves some of the settings. A refusal is shown once: beside the field it is about, else on the form. */
export function useSaveSettings({ savedMessage, setFormError, fields, afterSave }: SaveOptions) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: PortalSettingsInput) => sdk.client.fetch<PortalSettingsResponse>("/admin/portal/settings", { method: "POST", body }),
    onSuccess: (response) => {
      toast.success(savedMessage(response))
      queryClient.setQueryData(portalQueryKeys.settings, response)
      return afterSave?.()
    },
    onError: (error: Error, body) => {
      const messages = formMessages(error, fields?.labels ?? {}, { body, fallback: "The settings could not be saved." })
      fields?.setMessages(messages.filter((message) => message.field))
      setFormError(
        messages
          .filter((message) => !message.field)
          .map((message) => message.message)
          .join(" ")
      )
    },
  })
}

export function SettingsFormError({ message, testId }: { message: string | null; testId: string }) {
  if (!message) return null
  return (
    <div role="alert" className="bg-ui-bg-subtle border-ui-border-error rounded-md border px-3 py-2" data-testid={testId}>
      <Text size="small" className="text-ui-fg-error">
        {message}
      </Text>
    </div>
  )
}
