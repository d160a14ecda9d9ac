import { Text } from "@react-email/components"
import { ActionButton, FallbackLink, Greeting, Layout } from "./layout"
import { defineTemplate } from "./template"

/* Feedback and ratings (issue #21): asking for a rating, thanking for it, and telling the office about a low one. */

export type RatingRequestData = {
  first_name?: string
  booking_number: string
  service_title: string
  visit_date: string
  rate_url: string
  unsubscribe_url: string
}

// Rating and review requests are non-essential: they carry the one-click "feedback" unsubscribe.
const FEEDBACK = "requests to rate a visit"

/** After a completed visit: "How was your visit?", with the link to the portal's rating page. */
export function RatingRequestEmail({
  businessName,
  first_name,
  booking_number,
  service_title,
  visit_date,
  rate_url,
  unsubscribe_url,
}: RatingRequestData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={`How was your ${service_title} visit?`} unsubscribe={{ what: FEEDBACK, url: unsubscribe_url }}>
      <Greeting firstName={first_name} />
      <Text>{`Thank you for choosing ${businessName}. How was your ${service_title} visit on ${visit_date} (booking ${booking_number})?`}</Text>
      <Text>Rating it takes a minute and helps us do better. You can change your rating for 14 days.</Text>
      <ActionButton href={rate_url}>Rate your visit</ActionButton>
      <FallbackLink href={rate_url} />
    </Layout>
  )
}

export const ratingRequest = defineTemplate<RatingRequestData>({
  id: "rating-request",
  subject: (businessName, data) => `How was your ${data.service_title} visit? Rate ${businessName}`,
  fields: { first_name: "optional-string", booking_number: "string", service_title: "string", visit_date: "string", rate_url: "url", unsubscribe_url: "url" },
  Component: RatingRequestEmail,
})

export type RatingThanksData = {
  first_name?: string
  booking_number: string
  service_title: string
  stars_text: string
  booking_url: string
  review_url?: string
  /** Only with the review invitation, which is non-essential; the thank-you itself is not. */
  unsubscribe_url?: string
}

/** The customer's rating, confirmed; after 5 stars, the invitation to a public review when the business set a link. */
export function RatingThanksEmail({
  businessName,
  first_name,
  booking_number,
  service_title,
  stars_text,
  booking_url,
  review_url,
  unsubscribe_url,
}: RatingThanksData & { businessName: string }) {
  const unsubscribe = unsubscribe_url ? { what: FEEDBACK, url: unsubscribe_url } : undefined
  return (
    <Layout businessName={businessName} preview={`Thank you for rating your ${service_title} visit`} unsubscribe={unsubscribe}>
      <Greeting firstName={first_name} />
      <Text>{`Thank you for rating your ${service_title} visit (booking ${booking_number}) ${stars_text}. You can change your rating for 14 days after the visit.`}</Text>
      {review_url ? (
        <>
          <Text>{`We're so glad it went well. Would you tell others about ${businessName} in a public review? It helps a small business a lot.`}</Text>
          <ActionButton href={review_url}>Leave a public review</ActionButton>
          <FallbackLink href={review_url} />
        </>
      ) : (
        <>
          <ActionButton href={booking_url}>See your booking</ActionButton>
          <FallbackLink href={booking_url} />
        </>
      )}
    </Layout>
  )
}

export const ratingThanks = defineTemplate<RatingThanksData>({
  id: "rating-thanks",
  subject: (_businessName, data) => `Thank you for rating your ${data.service_title} visit`,
  fields: {
    first_name: "optional-string",
    booking_number: "string",
    service_title: "string",
    stars_text: "string",
    booking_url: "url",
    review_url: "optional-string",
    unsubscribe_url: "optional-string",
  },
  Component: RatingThanksEmail,
})

export type RatingLowOfficeData = {
  summary: string
  booking_number: string
  comment?: string
  customer_name: string
  customer_email: string
  customer_phone?: string
  admin_url: string
}

/** To the office: a rating at or under the low-rating setting. */
export function RatingLowOfficeEmail({
  businessName,
  summary,
  comment,
  customer_name,
  customer_email,
  customer_phone,
  admin_url,
}: RatingLowOfficeData & { businessName: string }) {
  return (
    <Layout businessName={businessName} preview={summary}>
      <Text>{`${summary}.`}</Text>
      {comment ? (
        <Text style={{ whiteSpace: "pre-wrap", borderLeft: "3px solid #ccc", paddingLeft: "12px" }}>{comment}</Text>
      ) : (
        <Text>They left no comment.</Text>
      )}
      <Text style={{ margin: "0 0 4px" }}>
        <strong>Customer:</strong> {customer_name}, {customer_email}
        {customer_phone ? `, ${customer_phone}` : ""}
      </Text>
      <ActionButton href={admin_url}>Open the booking</ActionButton>
      <FallbackLink href={admin_url} />
    </Layout>
  )
}

export const ratingLowOffice = defineTemplate<RatingLowOfficeData>({
  id: "rating-low-office",
  subject: (_businessName, data) => `Low rating: booking ${data.booking_number}`,
  fields: {
    summary: "string",
    booking_number: "string",
    comment: "optional-string",
    customer_name: "string",
    customer_email: "string",
    customer_phone: "optional-string",
    admin_url: "string",
  },
  Component: RatingLowOfficeEmail,
})
