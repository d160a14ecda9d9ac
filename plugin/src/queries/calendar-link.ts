import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The customer's profile and the version their private calendar link carries. */
export async function calendarFeedVersion(container: MedusaContainer, customerId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "customer_profile.id", "customer_profile.status", "customer_profile.calendar_feed_version"],
    filters: { id: customerId },
  })
  const profile = (data[0] as { customer_profile?: { id: string; status: string; calendar_feed_version: number } | null } | undefined)?.customer_profile
  return profile ?? null
}
