import type { MedusaContainer } from "@medusajs/framework/types"
import { CUSTOMER_DIRECTORY_MODULE, type CustomerDirectoryModuleService } from "../modules/customer-directory"

/**
 * The directory's search text now holds streets, towns and postcodes without their space, and
 * merged customers have their own status ("merged", never restorable): every row is rewritten
 * once, in batches, so existing customers are found the same way as new ones.
 */
export default async function directoryAddressesSearch({ container }: { container: MedusaContainer }) {
  const directory: CustomerDirectoryModuleService = container.resolve(CUSTOMER_DIRECTORY_MODULE)
  await directory.refreshAllEntries()
}
