import { Text } from "@react-email/components"
import { ActionButton, FallbackLink, Greeting, Layout } from "./layout"
import { defineTemplate } from "./template"

export type PasswordChangedData = { first_name?: string; reset_url: string }

/** Sent after a customer changes their password, so a change they didn't make doesn't go unnoticed. */
export function PasswordChangedEmail({ businessName, first_name, reset_url }: PasswordChangedData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`Your ${businessName} password was changed`}>
      <Greeting firstName={first_name} />
      <Text>{`The password for your ${businessName} account was just changed.`}</Text>
      <Text>If that was you, there is nothing more to do.</Text>
      <Text>If it wasn&rsquo;t, choose a new password now and contact us: someone else may know your old one.</Text>
      <ActionButton href={reset_url}>Choose a new password</ActionButton>
      <FallbackLink href={reset_url} />
    </Layout>
  )
}

export const passwordChanged = defineTemplate<PasswordChangedData>({
  id: "password-changed",
  subject: () => "Your password was changed",
  fields: { first_name: "optional-string", reset_url: "url" },
  Component: PasswordChangedEmail,
})
