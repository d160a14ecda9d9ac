import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CUSTOMER_DIRECTORY_MODULE, type CustomerDirectoryModuleService } from "../modules/customer-directory"

/**
 * Customers created, edited or deleted through Medusa's own routes and workflows (the admin's
 * customer form, other plugins) reach the directory here; the plugin's own changes
 * refresh it as they record activity.
 */
export default async function refreshDirectoryForCustomerEvent({ event: { data }, container }: SubscriberArgs<{ id: string } | { id: string }[]>) {
  const directory: CustomerDirectoryModuleService = container.resolve(CUSTOMER_DIRECTORY_MODULE)
  const items = Array.isArray(data) ? data : [data]
  await directory.refreshEntries(items.map((item) => item.id).filter((id): id is string => !!id))
}

export const config: SubscriberConfig = {
  event: ["customer.created", "customer.updated", "customer.deleted", "customer.restored"],
}
