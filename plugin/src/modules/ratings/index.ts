import { Module } from "@medusajs/framework/utils"
import RatingsModuleService from "./service"

export const RATINGS_MODULE = "ratings"

export default Module(RATINGS_MODULE, { service: RatingsModuleService })

export { RatingsModuleService }
export * from "./service"
