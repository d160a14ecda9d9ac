import { Text } from "@react-email/components"
import { ActionButton, FallbackLink, Greeting, Layout, plural } from "./layout"
import { defineTemplate } from "./template"

export type AccountVerificationData = { first_name?: string; verify_url: string; expires_in_hours: number }

export function AccountVerificationEmail({ businessName, first_name, verify_url, expires_in_hours }: AccountVerificationData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`Confirm your email address for ${businessName}`}>
      <Greeting firstName={first_name} />
      <Text>Thanks for signing up. Please confirm that this is your email address so we can keep you posted about your visits.</Text>
      <ActionButton href={verify_url}>Confirm my email</ActionButton>
      <Text>{`This link expires in ${plural(expires_in_hours, "hour")}. If it has expired, you can send yourself a new one from the sign-in page.`}</Text>
      <FallbackLink href={verify_url} />
    </Layout>
  )
}

export const accountVerification = defineTemplate<AccountVerificationData>({
  id: "account-verification",
  subject: () => "Confirm your email address",
  fields: { first_name: "optional-string", verify_url: "url", expires_in_hours: "count" },
  Component: AccountVerificationEmail,
})
