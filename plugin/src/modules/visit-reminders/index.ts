import { Module } from "@medusajs/framework/utils"
import VisitRemindersModuleService from "./service"

export const VISIT_REMINDERS_MODULE = "visit_reminders"

export default Module(VISIT_REMINDERS_MODULE, { service: VisitRemindersModuleService })

export { VisitRemindersModuleService }
export * from "./service"
