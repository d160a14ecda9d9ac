import { Module } from "@medusajs/framework/utils"
import CustomerMergeModuleService from "./service"

export const CUSTOMER_MERGE_MODULE = "customer_merge"

export default Module(CUSTOMER_MERGE_MODULE, { service: CustomerMergeModuleService })

export { CustomerMergeModuleService }
export * from "./service"
