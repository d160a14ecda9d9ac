import { Module } from "@medusajs/framework/utils"
import CustomerProfileModuleService from "./service"

export const CUSTOMER_PROFILE_MODULE = "customer_profile"

export default Module(CUSTOMER_PROFILE_MODULE, {
  service: CustomerProfileModuleService,
})

export * from "./models/customer-profile"
export { CustomerProfileModuleService }
