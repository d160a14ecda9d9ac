import { Module } from "@medusajs/framework/utils"
import CustomerDirectoryModuleService from "./service"

export const CUSTOMER_DIRECTORY_MODULE = "customer_directory"

export default Module(CUSTOMER_DIRECTORY_MODULE, { service: CustomerDirectoryModuleService })

export { CustomerDirectoryModuleService }
