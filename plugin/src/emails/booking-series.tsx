import { Text } from "@react-email/components"
import { ActionButton, FallbackLink, Greeting, Layout } from "./layout"
import { defineTemplate } from "./template"

/* Repeat visits: set up, changed, paused, ended, a visit skipped, moved to the nearest free time or not booked. */

export type BookingSeriesChangedData = { first_name?: string; service_title: string; summary: string; series_url: string }

/** To the customer: what changed in their repeat visits, with a link to the series' page. */
export function BookingSeriesChangedEmail({ businessName, first_name, summary, series_url }: BookingSeriesChangedData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={summary}>
      <Greeting firstName={first_name} />
      <Text>{summary}</Text>
      <ActionButton href={series_url}>See your repeat visits</ActionButton>
      <FallbackLink href={series_url} />
    </Layout>
  )
}

export const bookingSeriesChanged = defineTemplate<BookingSeriesChangedData>({
  id: "booking-series-changed",
  subject: (businessName, data) => `Your repeat visits: ${data.service_title} with ${businessName}`,
  fields: { first_name: "optional-string", service_title: "string", summary: "string", series_url: "url" },
  Component: BookingSeriesChangedEmail,
})

export type BookingSeriesChangedOfficeData = {
  service_title: string
  summary: string
  customer_name: string
  customer_email: string
  customer_phone?: string
}

/** To the office: a customer changed their repeat visits in the portal, or the rolling booking needs a person's eye. */
export function BookingSeriesChangedOfficeEmail({
  businessName,
  summary,
  customer_name,
  customer_email,
  customer_phone,
}: BookingSeriesChangedOfficeData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={summary}>
      <Text>{summary}</Text>
      <Text style={{ margin: "0 0 4px" }}>
        <strong>Customer:</strong> {customer_name}, {customer_email}
        {customer_phone ? `, ${customer_phone}` : ""}
      </Text>
    </Layout>
  )
}

export const bookingSeriesChangedOffice = defineTemplate<BookingSeriesChangedOfficeData>({
  id: "booking-series-changed-office",
  subject: (_businessName, data) => `Repeat visits: ${data.service_title} for ${data.customer_name}`,
  fields: { service_title: "string", summary: "string", customer_name: "string", customer_email: "string", customer_phone: "optional-string" },
  Component: BookingSeriesChangedOfficeEmail,
})
