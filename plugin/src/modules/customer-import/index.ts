import { Module } from "@medusajs/framework/utils"
import CustomerImportModuleService from "./service"

export const CUSTOMER_IMPORT_MODULE = "customer_import"

export default Module(CUSTOMER_IMPORT_MODULE, { service: CustomerImportModuleService })

export { CustomerImportModuleService }
export * from "./service"
export * from "./models/customer-import"
