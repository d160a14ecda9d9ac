import { Module } from "@medusajs/framework/utils"
import PortalAccessModuleService from "./service"

export const PORTAL_ACCESS_MODULE = "portal_access"

export default Module(PORTAL_ACCESS_MODULE, {
  service: PortalAccessModuleService,
})

export { PortalAccessModuleService }
export * from "./service"
export * from "./models/account-token"
