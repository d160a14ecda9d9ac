import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { saveServiceDetailsWorkflow } from "@fieldservice/medusa-portal/workflows"
import { DEMO_SERVICES } from "./data/services"

/** Which services ask about which kinds of dependent (a grooming about pets); only where none are set yet. */
export async function seedServiceDependents(container: MedusaContainer) {
  const products = container.resolve(Modules.PRODUCT)
  const services = container.resolve("services") as {
    listServiceDetails: (filters: Record<string, unknown>) => Promise<{ product_id: string; dependent_type_ids: string[] }[]>
  }
  const dependents = container.resolve("dependents") as {
    listDependentTypes: (filters: Record<string, unknown>) => Promise<{ id: string; label_plural: string }[]>
  }
  const types = await dependents.listDependentTypes({})
  for (const service of DEMO_SERVICES.filter((s) => s.dependents?.length)) {
    const [product] = await products.listProducts({ handle: service.handle }, { select: ["id"] })
    const [details] = product ? await services.listServiceDetails({ product_id: product.id }) : []
    if (!details || details.dependent_type_ids.length) continue
    const ids = types.filter((type) => service.dependents!.includes(type.label_plural)).map((type) => type.id)
    await saveServiceDetailsWorkflow(container).run({ input: { product_id: product.id, data: { dependent_type_ids: ids } } })
  }
}
