import { Module } from "@medusajs/framework/utils"
import InvoicesModuleService from "./service"

export const INVOICES_MODULE = "invoices"

export default Module(INVOICES_MODULE, { service: InvoicesModuleService })

export { InvoicesModuleService }
export * from "./totals"
export * from "./due-dates"
export * from "./status"
export * from "./automatic-payments"
export * from "./payer"
