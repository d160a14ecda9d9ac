import { Module } from "@medusajs/framework/utils"
import BusinessProfileModuleService from "./service"

export const BUSINESS_PROFILE_MODULE = "business_profile"

export default Module(BUSINESS_PROFILE_MODULE, { service: BusinessProfileModuleService })

export { BusinessProfileModuleService }
