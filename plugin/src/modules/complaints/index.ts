import { Module } from "@medusajs/framework/utils"
import ComplaintsModuleService from "./service"

export const COMPLAINTS_MODULE = "complaints"

export default Module(COMPLAINTS_MODULE, { service: ComplaintsModuleService })

export { ComplaintsModuleService }
export { complaintNumber } from "./service"
