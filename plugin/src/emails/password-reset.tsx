import { Text } from "@react-email/components"
import { ActionButton, FallbackLink, Greeting, Layout, plural } from "./layout"
import { defineTemplate } from "./template"

export type PasswordResetData = { first_name?: string; reset_url: string; expires_in_minutes: number }

export function PasswordResetEmail({ businessName, first_name, reset_url, expires_in_minutes }: PasswordResetData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`Reset your ${businessName} password`}>
      <Greeting firstName={first_name} />
      <Text>{`We received a request to reset the password for your ${businessName} account.`}</Text>
      <ActionButton href={reset_url}>Choose a new password</ActionButton>
      <Text>{`This link can be used once and expires in ${plural(expires_in_minutes, "minute")}.`}</Text>
      <Text>If you did not ask for this, you can ignore this email: nothing changes until you choose a new password.</Text>
      <FallbackLink href={reset_url} />
    </Layout>
  )
}

export const passwordReset = defineTemplate<PasswordResetData>({
  id: "password-reset",
  subject: () => "Reset your password",
  fields: { first_name: "optional-string", reset_url: "url", expires_in_minutes: "count" },
  Component: PasswordResetEmail,
})
