import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { FacebookAuthProviderService } from "./service"

export default ModuleProvider(Modules.AUTH, {
  services: [FacebookAuthProviderService],
})

export { FacebookAuthProviderService }
export type { FacebookAuthProviderOptions } from "./service"
