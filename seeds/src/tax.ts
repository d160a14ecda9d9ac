import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createTaxRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { CUSTOMER_TAX_PROVIDER_ID } from "@fieldservice/medusa-portal/providers/customer-tax"

/**
 * UK VAT at 20%, once. Taxed by the plugin's provider when the app registers it (a customer's
 * exemption or special rate applies), else by Medusa's system provider: a region can't name a
 * provider Medusa doesn't have.
 */
export async function seedTaxRegion(container: MedusaContainer) {
  const taxModule = container.resolve(Modules.TAX)
  const [taxRegion] = await taxModule.listTaxRegions({ country_code: "gb" })
  if (taxRegion) return
  const [ours] = await taxModule.listTaxProviders({ id: [CUSTOMER_TAX_PROVIDER_ID] })
  const provider_id = ours?.is_enabled ? ours.id : "tp_system"
  await createTaxRegionsWorkflow(container).run({
    input: [{ country_code: "gb", provider_id, default_tax_rate: { name: "VAT", code: "VAT", rate: 20 } }],
  })
}
