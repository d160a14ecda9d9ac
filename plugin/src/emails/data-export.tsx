import { Text } from "@react-email/components"
import { ActionButton, FallbackLink, Greeting, Layout, plural } from "./layout"
import { defineTemplate } from "./template"

export type DataExportReadyData = { first_name?: string; download_url: string; expires_in_days: number }

/** To the customer who asked for their data: a link that works once, for a week, while signed in. */
export function DataExportReadyEmail({ businessName, first_name, download_url, expires_in_days }: DataExportReadyData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview="Your data is ready to download">
      <Greeting firstName={first_name} />
      <Text>{`You asked for a copy of the personal data ${businessName} holds about you. It is ready: a ZIP file with your profile, contacts, addresses, bookings and their files, saved cards (without card numbers), the emails we sent you and your account's history.`}</Text>
      <ActionButton href={download_url}>Download my data</ActionButton>
      <Text>{`The link works once, while you are signed in to the portal, and expires in ${plural(expires_in_days, "day")}. After that you can ask for a new copy on My account.`}</Text>
      <Text>{`If you did not ask for this, sign in and change your password, and let us know.`}</Text>
      <FallbackLink href={download_url} />
    </Layout>
  )
}

export const dataExportReady = defineTemplate<DataExportReadyData>({
  id: "data-export-ready",
  subject: (businessName) => `Your data from ${businessName} is ready`,
  fields: { first_name: "optional-string", download_url: "url", expires_in_days: "count" },
  Component: DataExportReadyEmail,
})

export type DataExportReadyStaffData = { customer_label: string; download_url: string; expires_in_days: number }

/** To the staff member who asked for a customer's data (to answer an access request). */
export function DataExportReadyStaffEmail({
  businessName,
  customer_label,
  download_url,
  expires_in_days,
}: DataExportReadyStaffData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`The data export of ${customer_label} is ready`}>
      <Greeting />
      <Text>{`The data export you asked for (${customer_label}) is ready. Download it while signed in to the admin, from this link or from the customer's page.`}</Text>
      <ActionButton href={download_url}>Download the export</ActionButton>
      <Text>{`The file is deleted in ${plural(expires_in_days, "day")}. It holds the customer's personal data: send it to them securely and don't keep copies.`}</Text>
      <FallbackLink href={download_url} />
    </Layout>
  )
}

export const dataExportReadyStaff = defineTemplate<DataExportReadyStaffData>({
  id: "data-export-ready-staff",
  subject: (_businessName, data) => `Data export ready: ${data.customer_label}`,
  fields: { customer_label: "string", download_url: "url", expires_in_days: "count" },
  Component: DataExportReadyStaffEmail,
})
