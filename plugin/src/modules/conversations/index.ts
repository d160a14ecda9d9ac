import { Module } from "@medusajs/framework/utils"
import ConversationsModuleService from "./service"

export const CONVERSATIONS_MODULE = "conversations"

export default Module(CONVERSATIONS_MODULE, { service: ConversationsModuleService })

export { ConversationsModuleService }
export * from "./rows"
