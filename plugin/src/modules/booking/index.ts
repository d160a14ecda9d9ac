import { Module } from "@medusajs/framework/utils"
import BookingModuleService from "./service"

export const BOOKING_MODULE = "booking"

export default Module(BOOKING_MODULE, { service: BookingModuleService })

export { BookingModuleService }
export * from "./booking-number"
export * from "./change-policy"
export * from "./arrival-window"
export * from "./upcoming-or-past"
export * from "./owner"
export * from "./completion"
