import type { CreateNotificationDTO, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"
import { adminPageUrl } from "../../utils/admin-links"
import { unsubscribeParts } from "../../utils/unsubscribe"
import { personName } from "../customer-profile/activity"
import { starsText } from "./rating-record"

/** Who the rating's emails go to: the customer, the office, and the links they need. */
export type RatingPeople = {
  customer: { id: string; name: string; first_name: string | null; email: string | null; phone: string | null }
  office: string | null
  /** The customer's `feedback_emails` preference, and the one-click unsubscribe for those emails. */
  feedback: { wanted: boolean; unsubscribe_url: string; provider_data: { headers: Record<string, string> } }
  portal: (path: string) => string
  admin: (path: string) => string
}

type RatingPeopleData = Omit<RatingPeople, "portal" | "admin"> & { portal_url: string; admin_url: string }

export async function loadRatingPeople(container: MedusaContainer, customerId: string): Promise<RatingPeopleData> {
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(customerId)
  return {
    customer: {
      id: customer.id,
      name: personName(customer) || customer.email,
      first_name: customer.first_name ?? null,
      email: customer.email ?? null,
      phone: customer.phone ?? null,
    },
    office: portal.businessEmail,
    feedback: { wanted: await wantsFeedbackEmails(container, customer.id), ...unsubscribeParts(container, customer.id, "feedback") },
    portal_url: portal.portalLink("/"),
    admin_url: adminPageUrl(container, ""),
  }
}

/** Workflow data must be plain: the links are rebuilt from their bases where they are used. */
export const ratingPeopleStep = createStep("load-rating-people", async (input: { customer_id: string }, { container }) => {
  return new StepResponse(await loadRatingPeople(container, input.customer_id))
})

const links = (people: RatingPeopleData): RatingPeople => ({
  ...people,
  portal: (path) => new URL(path.replace(/^\//, ""), people.portal_url).toString(),
  admin: (path) => `${people.admin_url}${path}`,
})

type RatedVisit = { booking: { id: string; booking_number: string; service_title: string }; public_review_url: string | null }

/**
 * The customer's thank-you, with the invitation to a public review after 5 stars when the business
 * set a link. The invitation is non-essential: left out when the customer turned feedback emails
 * off, and carrying the one-click unsubscribe when it is there.
 */
export function ratingThanksEmail(data: RatingPeopleData, visit: RatedVisit, stars: number): CreateNotificationDTO[] {
  const people = links(data)
  if (!people.customer.email) return []
  const invite = stars === 5 && visit.public_review_url && people.feedback.wanted
  const review = invite ? { review_url: visit.public_review_url!, unsubscribe_url: people.feedback.unsubscribe_url } : {}
  return [
    {
      ...(invite ? { provider_data: people.feedback.provider_data } : {}),
      to: people.customer.email,
      channel: "email",
      template: "rating-thanks",
      receiver_id: people.customer.id,
      resource_id: visit.booking.id,
      resource_type: "booking",
      trigger_type: "rating.given",
      data: {
        ...(people.customer.first_name ? { first_name: people.customer.first_name } : {}),
        booking_number: visit.booking.booking_number,
        service_title: visit.booking.service_title,
        stars_text: starsText(stars),
        booking_url: people.portal(`/bookings/${visit.booking.id}`),
        ...review,
      },
    },
  ]
}

/** "Tell the office": a rating at or under the setting, with the comment and a link to the booking. */
export function lowRatingOfficeEmail(data: RatingPeopleData, visit: RatedVisit, stars: number, comment: string | null): CreateNotificationDTO[] {
  const people = links(data)
  if (!people.office) return []
  return [
    {
      to: people.office,
      channel: "email",
      template: "rating-low-office",
      // The customer is its receiver, so it shows in their communication log.
      receiver_id: people.customer.id,
      resource_id: visit.booking.id,
      resource_type: "booking",
      trigger_type: "rating.low_rating_given",
      data: {
        summary: `${people.customer.name} rated booking ${visit.booking.booking_number} (${visit.booking.service_title}) ${starsText(stars)}`,
        booking_number: visit.booking.booking_number,
        ...(comment ? { comment } : {}),
        customer_name: people.customer.name,
        customer_email: people.customer.email ?? "",
        ...(people.customer.phone ? { customer_phone: people.customer.phone } : {}),
        admin_url: people.admin(`/bookings/${visit.booking.id}`),
      },
    },
  ]
}

/**
 * Whether the customer takes rating and review requests: the profile's `feedback_emails`
 * preference (a customer without a profile yet does).
 */
export async function wantsFeedbackEmails(container: MedusaContainer, customerId: string): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "customer_profile.*"], filters: { id: customerId } })
  const profile = (data[0] as { customer_profile?: { feedback_emails?: boolean | null } | null } | undefined)?.customer_profile
  return profile?.feedback_emails !== false
}
