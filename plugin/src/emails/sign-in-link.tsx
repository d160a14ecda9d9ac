import { Text } from "@react-email/components"
import { ActionButton, FallbackLink, Greeting, Layout, plural } from "./layout"
import { defineTemplate } from "./template"

export type SignInLinkData = { first_name?: string; sign_in_url: string; expires_in_minutes: number }

export function SignInLinkEmail({ businessName, first_name, sign_in_url, expires_in_minutes }: SignInLinkData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`Your link to sign in to ${businessName}`}>
      <Greeting firstName={first_name} />
      <Text>{`Here is the link you asked for to sign in to your ${businessName} account, without a password.`}</Text>
      <ActionButton href={sign_in_url}>Sign in</ActionButton>
      <Text>{`This link can be used once and expires in ${plural(expires_in_minutes, "minute")}.`}</Text>
      <Text>If you did not ask for it, you can ignore this email: nobody can sign in without opening it.</Text>
      <FallbackLink href={sign_in_url} />
    </Layout>
  )
}

export const signInLink = defineTemplate<SignInLinkData>({
  id: "sign-in-link",
  subject: () => "Your sign-in link",
  fields: { first_name: "optional-string", sign_in_url: "url", expires_in_minutes: "count" },
  Component: SignInLinkEmail,
})
