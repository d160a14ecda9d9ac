import { Text } from "@react-email/components"
import { ActionButton, FallbackLink, Greeting, Layout, plural } from "./layout"
import { defineTemplate } from "./template"

export type PortalInviteData = { first_name?: string; invite_url: string; expires_in_days: number }

export function PortalInviteEmail({ businessName, first_name, invite_url, expires_in_days }: PortalInviteData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`Your invitation to the ${businessName} customer portal`}>
      <Greeting firstName={first_name} />
      <Text>{`${businessName} has invited you to its customer portal. With your portal account you can:`}</Text>
      <ul style={{ margin: "0 0 16px", paddingLeft: 24 }}>
        {/* Only what the portal has today: no invoices or messages yet. */}
        <li>book visits and manage your bookings</li>
        <li>keep your profile and addresses up to date</li>
        <li>save payment cards</li>
        <li>find help and contact us</li>
      </ul>
      <ActionButton href={invite_url}>Accept the invitation</ActionButton>
      <Text>{`This invitation expires in ${plural(expires_in_days, "day")}.`}</Text>
      <FallbackLink href={invite_url} />
    </Layout>
  )
}

export const portalInvite = defineTemplate<PortalInviteData>({
  id: "portal-invite",
  subject: (businessName) => `You're invited to the ${businessName} customer portal`,
  fields: { first_name: "optional-string", invite_url: "url", expires_in_days: "count" },
  Component: PortalInviteEmail,
})
