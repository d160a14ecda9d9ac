import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { type ActivityActor, SYSTEM_ACTOR } from "../customer-profile/activity"
import { recordActivityStep, type ActivityEntry } from "../customer-profile/steps/record-activity"
import { claimBookingsStep } from "./create-booking"
import { verifiedCustomerEmailStep } from "./steps/verified-customer"

export const linkGuestBookingsWorkflowId = "link-guest-bookings"

export type LinkGuestBookingsInput = { customer_id: string; actor?: ActivityActor | null }

/**
 * Guest bookings (no customer yet) made with the customer's email join their account once that
 * email is confirmed: after the verification link, an accepted invite or a social login. Until
 * then nothing moves, so signing up with someone else's address shows none of their visits.
 */
export const linkGuestBookingsWorkflow = createWorkflow(linkGuestBookingsWorkflowId, (input: LinkGuestBookingsInput) => {
  const email = verifiedCustomerEmailStep({ customer_id: input.customer_id })
  const claimed = claimBookingsStep(transform({ email, input }, ({ email, input }) => ({ email, customer_id: input.customer_id })))
  recordActivityStep(
    transform({ claimed, email, input }, ({ claimed: { count: linked }, email, input }): ActivityEntry[] =>
      linked
        ? [
            {
              customer_id: input.customer_id,
              kind: "bookings_claimed",
              message: `${linked} guest booking${linked === 1 ? "" : "s"} made with ${email} now belong${linked === 1 ? "s" : ""} to this customer (the email is confirmed).`,
              data: { count: linked, email },
              actor: input.actor ?? SYSTEM_ACTOR,
            },
          ]
        : []
    )
  )
  return new WorkflowResponse(transform({ claimed }, ({ claimed }) => ({ linked: claimed.count })))
})
