import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { CustomerTaxProviderService } from "./service"

export default ModuleProvider(Modules.TAX, {
  services: [CustomerTaxProviderService],
})

export { CustomerTaxProviderService, CUSTOMER_TAX_PROVIDER_ID } from "./service"
export { EXEMPT_TAX, SPECIAL_TAX } from "./rates"
