import { Module } from "@medusajs/framework/utils"
import FieldworkersModuleService from "./service"

export const FIELDWORKERS_MODULE = "fieldworkers"

export default Module(FIELDWORKERS_MODULE, { service: FieldworkersModuleService })

export { FieldworkersModuleService }
