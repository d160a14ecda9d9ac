import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_TAX_PROVIDER_ID } from "../providers/customer-tax/service"

const SYSTEM_TAX_PROVIDER_ID = "tp_system"

/**
 * The customer's own tax (issue #17 item 2) for an existing install: tax regions that use Medusa's
 * system provider switch to the plugin's, which gives the same rates except for exempt and
 * special-rate customers. Only when the app registers ours (medusa-config.ts, Tax Module
 * providers): otherwise a region would point at a provider Medusa can't find and every cart in it
 * would fail. Regions set to another provider (a tax service) are the business's choice, left alone.
 */
export default async function customerTaxProvider({ container }: { container: MedusaContainer }) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const tax = container.resolve(Modules.TAX)
  const [ours] = await tax.listTaxProviders({ id: [CUSTOMER_TAX_PROVIDER_ID] })
  if (!ours?.is_enabled) {
    logger.info(`Tax regions keep their providers: ${CUSTOMER_TAX_PROVIDER_ID} is not registered in medusa-config.ts`)
    return
  }
  const regions = await tax.listTaxRegions({}, { select: ["id", "provider_id"] })
  const system = regions.filter((region) => region.provider_id === SYSTEM_TAX_PROVIDER_ID)
  if (system.length) await tax.updateTaxRegions(system.map((region) => ({ id: region.id, provider_id: CUSTOMER_TAX_PROVIDER_ID })))
  logger.info(`Tax regions switched to ${CUSTOMER_TAX_PROVIDER_ID}: ${system.length}`)
}
