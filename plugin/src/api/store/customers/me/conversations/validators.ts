import { z } from "@medusajs/framework/zod"
import { messageBody, optionalId, page, subjectType } from "../../../../utils/common-validators/conversations"

export const StoreGetConversationsParams = z.object(page(100, 20)).strict()
export type StoreGetConversationsParamsType = z.infer<typeof StoreGetConversationsParams>

export const StoreStartConversation = z.object({ subject_type: subjectType, subject_id: optionalId("subject_id"), body: messageBody }).strict()
export type StoreStartConversationType = z.infer<typeof StoreStartConversation>

export const StorePostMessage = z.object({ body: messageBody }).strict()
export type StorePostMessageType = z.infer<typeof StorePostMessage>
