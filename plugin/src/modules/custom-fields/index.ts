import { Module } from "@medusajs/framework/utils"
import CustomFieldsModuleService from "./service"

export const CUSTOM_FIELDS_MODULE = "custom_fields"

export default Module(CUSTOM_FIELDS_MODULE, { service: CustomFieldsModuleService })

export { CustomFieldsModuleService }
export * from "./service"
export * from "./validation"

export * from "./models/custom-field-value"
