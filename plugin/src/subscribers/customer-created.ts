import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ensureCustomerProfileWorkflow } from "../workflows/customer-profile/ensure-customer-profile"

/** Every new customer gets a profile, whichever way the account was made (sign-up, admin, import). */
export default async function createProfileForNewCustomer({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await ensureCustomerProfileWorkflow(container).run({
    input: { customer_id: data.id },
  })
}

export const config: SubscriberConfig = {
  event: "customer.created",
}
