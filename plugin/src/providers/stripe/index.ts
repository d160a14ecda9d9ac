import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { PortalStripeProviderService } from "./service"

export default ModuleProvider(Modules.PAYMENT, {
  services: [PortalStripeProviderService],
})

export { PortalStripeProviderService }
export type { PortalStripeOptions, PortalStripeAccountHolderContext } from "./service"
