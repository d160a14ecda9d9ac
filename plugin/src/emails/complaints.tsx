import { Text } from "@react-email/components"
import { ActionButton, FallbackLink, Greeting, Layout } from "./layout"
import { defineTemplate } from "./template"

export type ComplaintStatusChangedData = {
  first_name?: string
  complaint_number: string
  /** "Resolved", "In progress"… */
  status_label: string
  summary: string
  resolution_note?: string
  complaint_url: string
}

/** The customer's complaint moved on: where it stands now, what was done, and where to see it. */
export function ComplaintStatusChangedEmail({
  businessName,
  first_name,
  complaint_number,
  status_label,
  summary,
  resolution_note,
  complaint_url,
}: ComplaintStatusChangedData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`Complaint ${complaint_number}: ${status_label}`}>
      <Greeting firstName={first_name} />
      <Text>{summary}</Text>
      {resolution_note ? <Text style={{ whiteSpace: "pre-wrap", borderLeft: "3px solid #ccc", paddingLeft: "12px" }}>{resolution_note}</Text> : null}
      <ActionButton href={complaint_url}>See your complaint</ActionButton>
      <FallbackLink href={complaint_url} />
    </Layout>
  )
}

export const complaintStatusChanged = defineTemplate<ComplaintStatusChangedData>({
  id: "complaint-status-changed",
  subject: (_businessName, data) => `Complaint ${data.complaint_number}: ${data.status_label}`,
  fields: {
    first_name: "optional-string",
    complaint_number: "string",
    status_label: "string",
    summary: "string",
    resolution_note: "optional-string",
    complaint_url: "url",
  },
  Component: ComplaintStatusChangedEmail,
})
