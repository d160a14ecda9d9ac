import { Module } from "@medusajs/framework/utils"
import GiftVouchersModuleService from "./service"

export const GIFT_VOUCHERS_MODULE = "gift_vouchers"

export default Module(GIFT_VOUCHERS_MODULE, { service: GiftVouchersModuleService })

export { GiftVouchersModuleService }
export * from "./service"
