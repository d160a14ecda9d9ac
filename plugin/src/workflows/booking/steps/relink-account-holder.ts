import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * Medusa's createPaymentSessionsWorkflow makes the customer's payment account holder and links it
 * to the customer in two steps, neither undone on failure. A database outage between them leaves
 * a holder nobody is linked to; the next checkout doesn't see it, makes it again, and the
 * provider's unique (provider, external id) refuses: "Account holder … already exists", on every
 * booking from then on. Providers whose external id is the customer's id (the system provider,
 * pay on the day) are found again here and linked, so the customer can book.
 */
export const relinkAccountHolderStep = createStep(
  "relink-orphan-account-holder",
  async (input: { customer_id: string; provider_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({ entity: "customer", fields: ["id", "account_holders.provider_id"], filters: { id: input.customer_id } })
    const holders = (customers[0] as { account_holders?: ({ provider_id: string } | null)[] } | undefined)?.account_holders ?? []
    if (holders.some((holder) => holder?.provider_id === input.provider_id)) return new StepResponse(null)

    const { data: orphans } = await query.graph({
      entity: "account_holder",
      fields: ["id"],
      filters: { provider_id: input.provider_id, external_id: input.customer_id },
    })
    const orphan = orphans[0] as { id: string } | undefined
    if (!orphan) return new StepResponse(null)
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [Modules.CUSTOMER]: { customer_id: input.customer_id },
      [Modules.PAYMENT]: { account_holder_id: orphan.id },
    })
    // Left linked if a later step fails: the holder is the customer's either way.
    return new StepResponse(orphan.id)
  }
)
