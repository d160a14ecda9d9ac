import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import BookingNumberAuthProviderService from "./service"

export default ModuleProvider(Modules.AUTH, {
  services: [BookingNumberAuthProviderService],
})
