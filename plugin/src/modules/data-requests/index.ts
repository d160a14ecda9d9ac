import { Module } from "@medusajs/framework/utils"
import DataRequestsModuleService from "./service"

export const DATA_REQUESTS_MODULE = "data_requests"

export default Module(DATA_REQUESTS_MODULE, { service: DataRequestsModuleService })

export { DataRequestsModuleService }
export * from "./service"
export * from "./models/data-export"
