import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import MagicLinkAuthProviderService from "./service"

export default ModuleProvider(Modules.AUTH, {
  services: [MagicLinkAuthProviderService],
})
