import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The booked service's product handle, for "Book again" links; null without a product. */
export async function serviceHandle(container: MedusaContainer, productId: string | null): Promise<string | null> {
  if (!productId) return null
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["handle"], filters: { id: productId } })
  return (data[0] as { handle?: string } | undefined)?.handle ?? null
}
