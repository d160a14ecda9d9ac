import { Module } from "@medusajs/framework/utils"
import CustomFieldsModuleService from "./service"

export const CUSTOM_FIELDS_MODULE = "custom_fields"

export default Module(CUSTOM_FIELDS_MODULE, { service: CustomFieldsModuleService })

export { CustomFieldsModuleService }
export * from "./service"
export * from "./validation"

// The routes still import these from the module; the API pass imports them from the contract.
export { CUSTOM_FIELD_TARGET_TYPES, CUSTOM_FIELD_TYPES, CUSTOM_FIELD_VISIBILITIES } from "@fieldservice/contract"
export * from "./models/custom-field-value"
