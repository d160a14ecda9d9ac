import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import { claimBookingsStep } from "../booking/create-booking"
import { updateCustomerProfileWorkflow } from "../customer-profile/update-customer-profile"
import { registerPasswordLoginStep } from "./steps"
import { recordActivityStep } from "../customer-profile/steps/record-activity"

/**
 * From a booking-number session: the customer sets a password and gets a full account.
 * The booking number reached them at this email, which is as good as a verification link.
 */
export const createAccountFromBookingWorkflow = createWorkflow(
  "portal-account-from-booking",
  (input: { email: string; password: string; first_name: string; last_name: string }) => {
    const login = registerPasswordLoginStep({ email: input.email, password: input.password })
    const customer = createCustomerAccountWorkflow.runAsStep({
      input: transform({ login, input }, ({ login, input }) => ({
        authIdentityId: login.id,
        customerData: { email: input.email, first_name: input.first_name, last_name: input.last_name },
      })),
    })
    updateCustomerProfileWorkflow.runAsStep({
      input: transform({ customer }, ({ customer }) => ({
        customer_id: customer.id,
        changes: { email_verified_at: new Date() },
        actor: { type: "customer" as const, id: customer.id },
      })),
    })
    const claimed = claimBookingsStep(
      transform({ customer, input }, ({ customer, input }) => ({ email: input.email, customer_id: customer.id, include_unregistered: true }))
    )
    recordActivityStep(
      transform({ customer, claimed }, ({ customer, claimed: { count: claimed, from_customer_ids } }) =>
        claimed
          ? [
              {
                customer_id: customer.id,
                kind: "bookings_claimed",
                message: `${claimed} earlier booking${claimed === 1 ? "" : "s"} made with this email now belong${claimed === 1 ? "s" : ""} to the account.`,
                data: { count: claimed },
                actor: { type: "customer" as const, id: customer.id },
              },
              // The office's record of the same person (no login) keeps a line saying where its bookings went.
              ...from_customer_ids.map((id) => ({
                customer_id: id,
                kind: "bookings_claimed",
                message: `Bookings made with this email moved to the portal account the customer just created (${customer.email}).`,
                data: { to_customer_id: customer.id },
                actor: { type: "customer" as const, id: customer.id },
              })),
            ]
          : []
      )
    )
    return new WorkflowResponse({ customer_id: customer.id, email: input.email })
  }
)
