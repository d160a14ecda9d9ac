import { Module } from "@medusajs/framework/utils"
import BookingSeriesModuleService from "./service"

export const BOOKING_SERIES_MODULE = "booking_series"

export default Module(BOOKING_SERIES_MODULE, { service: BookingSeriesModuleService })

export { BookingSeriesModuleService }
export * from "./recurrence"
export type { SeriesRecord } from "./service"
