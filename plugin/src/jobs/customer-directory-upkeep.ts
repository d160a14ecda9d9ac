import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_DIRECTORY_MODULE, type CustomerDirectoryModuleService } from "../modules/customer-directory"

/**
 * Keeps the directory's time-dependent and missing rows right: customers whose next visit has
 * begun get their last/next visit moved on, and customers without a row (written before the
 * directory was installed, or by bulk SQL) get one.
 */
export default async function customerDirectoryUpkeep(container: MedusaContainer) {
  const directory: CustomerDirectoryModuleService = container.resolve(CUSTOMER_DIRECTORY_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const moved = await directory.refreshPassedVisits()
  const added = await directory.addMissingEntries()
  if (moved || added) logger.info(`Customer directory: ${moved} visit dates moved on, ${added} customers added`)
}

export const config = {
  name: "customer-directory-upkeep",
  schedule: "*/5 * * * *",
}
