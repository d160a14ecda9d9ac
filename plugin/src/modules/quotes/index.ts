import { Module } from "@medusajs/framework/utils"
import QuotesModuleService from "./service"

export const QUOTES_MODULE = "quotes"

export default Module(QUOTES_MODULE, { service: QuotesModuleService })

export { QuotesModuleService }
export { QUOTE_NUMBER_PREFIX } from "./service"
export * from "./totals"
export * from "./present"
