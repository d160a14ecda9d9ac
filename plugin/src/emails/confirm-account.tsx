import { Text } from "@react-email/components"
import { ActionButton, FallbackLink, Greeting, Layout, plural } from "./layout"
import { defineTemplate } from "./template"

export type ConfirmAccountData = { first_name?: string; confirm_url: string; expires_in_days: number }

export function ConfirmAccountEmail({ businessName, first_name, confirm_url, expires_in_days }: ConfirmAccountData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`Activate your ${businessName} account`}>
      <Greeting firstName={first_name} />
      <Text>{`Our team has created a ${businessName} account for you. To activate it, confirm your email address and set a password.`}</Text>
      <ActionButton href={confirm_url}>Set my password</ActionButton>
      <Text>{`This link expires in ${plural(expires_in_days, "day")}.`}</Text>
      <FallbackLink href={confirm_url} />
    </Layout>
  )
}

export const confirmAccount = defineTemplate<ConfirmAccountData>({
  id: "confirm-account",
  subject: (businessName) => `Confirm your ${businessName} account`,
  fields: { first_name: "optional-string", confirm_url: "url", expires_in_days: "count" },
  Component: ConfirmAccountEmail,
})
