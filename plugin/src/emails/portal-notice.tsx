import { Text } from "@react-email/components"
import { ActionButton, FallbackLink, Greeting, Layout } from "./layout"
import { defineTemplate } from "./template"

export type PortalNoticeData = { first_name?: string; title: string; message: string; url: string }

/**
 * A portal notification sent by email as well, for the events whose email the business switched
 * on in Settings → Customer portal (a visit started or completed, an invoice overdue).
 */
export function PortalNoticeEmail({ businessName, first_name, title, message, url }: PortalNoticeData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={title}>
      <Greeting firstName={first_name} />
      <Text>{message}</Text>
      <ActionButton href={url}>Open in your account</ActionButton>
      <FallbackLink href={url} />
    </Layout>
  )
}

export const portalNotice = defineTemplate<PortalNoticeData>({
  id: "portal-notice",
  subject: (businessName, data) => `${data.title} · ${businessName}`,
  fields: { first_name: "optional-string", title: "string", message: "string", url: "url" },
  Component: PortalNoticeEmail,
})
