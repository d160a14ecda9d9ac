import { Module } from "@medusajs/framework/utils"
import CustomerNoticesModuleService from "./service"

export const CUSTOMER_NOTICES_MODULE = "customer_notices"

export default Module(CUSTOMER_NOTICES_MODULE, {
  service: CustomerNoticesModuleService,
})

export { CustomerNoticesModuleService }
export * from "./service"
