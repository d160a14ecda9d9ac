import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CUSTOMER_PROFILE_UPDATED } from "../workflows/customer-profile/update-customer-profile"
import { linkGuestBookingsWorkflow } from "../workflows/booking/link-guest-bookings"

type ProfileUpdated = { customer_id: string; changed: string[] }

/**
 * A customer's email was just confirmed (verification link, accepted invite, social login): guest
 * bookings made with it become theirs. The workflow checks the email really is confirmed now.
 */
export default async function linkGuestBookingsOnVerification({ event: { data }, container }: SubscriberArgs<ProfileUpdated>) {
  if (!data.changed?.includes("email_verified_at")) return
  await linkGuestBookingsWorkflow(container).run({ input: { customer_id: data.customer_id } })
}

export const config: SubscriberConfig = { event: CUSTOMER_PROFILE_UPDATED }
