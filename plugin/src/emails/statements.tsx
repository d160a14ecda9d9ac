import { Text } from "@react-email/components"
import { ActionButton, FallbackLink, Greeting, Layout } from "./layout"
import { defineTemplate } from "./template"

export type AccountStatementData = {
  first_name?: string
  /** "1 January 2026 to 31 December 2026" */
  period_text: string
  /** "£120.00 owed", "nothing owed" or "£20.00 in credit" */
  balance_text: string
  /** "£80.00 of it is overdue." or empty */
  overdue_text?: string
  statement_url: string
}

/** The customer's account statement, its PDF attached (seed 003: "Email Statement"). */
export function AccountStatementEmail({
  businessName,
  first_name,
  period_text,
  balance_text,
  overdue_text,
  statement_url,
}: AccountStatementData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`Your account statement from ${businessName}`}>
      <Greeting firstName={first_name} />
      <Text>{`Your account statement for ${period_text} is attached. At the end of the period your account shows ${balance_text}.`}</Text>
      {overdue_text ? <Text>{overdue_text}</Text> : null}
      <Text>If anything on it doesn’t look right, just reply to this email.</Text>
      <ActionButton href={statement_url}>View your statement online</ActionButton>
      <FallbackLink href={statement_url} />
    </Layout>
  )
}

export const accountStatement = defineTemplate<AccountStatementData>({
  id: "account-statement",
  subject: (businessName) => `Your account statement from ${businessName}`,
  fields: { first_name: "optional-string", period_text: "string", balance_text: "string", overdue_text: "optional-string", statement_url: "url" },
  Component: AccountStatementEmail,
})
