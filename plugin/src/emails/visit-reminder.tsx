import { Text } from "@react-email/components"
import { ActionButton, FallbackLink, Greeting, Layout } from "./layout"
import { defineTemplate } from "./template"
import { Details, detailFields, type BookingDetails } from "./booking"

export type VisitReminderData = BookingDetails & {
  first_name?: string
  /** "in 2 days", "in 2 hours": the time left when the reminder was sent. */
  lead_text: string
  fieldworker_name?: string
  booking_url: string
  reschedule_url: string
  cancel_url: string
  /** "You can cancel or reschedule free of charge until Sunday 6 December, 10:00." or why not any more. */
  change_rules_text: string
  cancellation_policy?: string
  unsubscribe_url: string
}

/** To the customer, before a visit: when, where, who is coming, and how to move or cancel it within the rules. */
export function VisitReminderEmail({
  businessName,
  first_name,
  lead_text,
  fieldworker_name,
  booking_url,
  reschedule_url,
  cancel_url,
  change_rules_text,
  cancellation_policy,
  unsubscribe_url,
  ...details
}: VisitReminderData & { businessName: string }) {
  return (
    <Layout
      businessName={businessName}
      preview={`Reminder: ${details.service_title}, ${details.when_text}`}
      unsubscribe={{ what: "appointment reminders", url: unsubscribe_url }}
    >
      <Greeting firstName={first_name} />
      <Text>{`A reminder of your visit from ${businessName} ${lead_text}:`}</Text>
      <Details {...details} />
      {fieldworker_name ? (
        <Text style={{ margin: "0 0 4px" }}>
          <strong>Who is coming:</strong> {fieldworker_name}
        </Text>
      ) : null}
      <ActionButton href={booking_url}>View your booking</ActionButton>
      <Text>{change_rules_text}</Text>
      <Text>
        {"Reschedule: "}
        <a href={reschedule_url}>{reschedule_url}</a>
        <br />
        {"Cancel: "}
        <a href={cancel_url}>{cancel_url}</a>
      </Text>
      {cancellation_policy ? <Text style={{ fontSize: 14 }}>{cancellation_policy}</Text> : null}
      <FallbackLink href={booking_url} />
    </Layout>
  )
}

export const visitReminder = defineTemplate<VisitReminderData>({
  id: "visit-reminder",
  subject: (businessName, data) => `Reminder: ${data.service_title} with ${businessName}, ${data.when_text}`,
  fields: {
    ...detailFields,
    first_name: "optional-string",
    lead_text: "string",
    fieldworker_name: "optional-string",
    booking_url: "url",
    reschedule_url: "url",
    cancel_url: "url",
    change_rules_text: "string",
    cancellation_policy: "optional-string",
    unsubscribe_url: "url",
  },
  Component: VisitReminderEmail,
})
