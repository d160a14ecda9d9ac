import { Module } from "@medusajs/framework/utils"
import DependentsModuleService from "./service"

export const DEPENDENTS_MODULE = "dependents"

export default Module(DEPENDENTS_MODULE, { service: DependentsModuleService })

export { DependentsModuleService }
