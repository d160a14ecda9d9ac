import { z } from "@medusajs/framework/zod"
import { messageBody, optionalId, page, requiredId, subjectType } from "../../utils/common-validators/conversations"

export const AdminGetConversationsParams = z
  .object({
    filter: z.enum(["unassigned", "mine", "all"], { error: "filter must be unassigned, mine or all" }).default("all"),
    unread: z.enum(["true", "false"], { error: "unread must be true or false" }).optional(),
    customer_id: requiredId("customer_id").optional(),
    q: z
      .string({ error: "q must be text" })
      .trim()
      .refine((value) => value.length <= 200, "q must be at most 200 characters")
      .optional(),
    ...page(100, 20),
  })
  .strict()
export type AdminGetConversationsParamsType = z.infer<typeof AdminGetConversationsParams>

export const AdminStartConversation = z
  .object({ customer_id: requiredId("customer_id"), subject_type: subjectType, subject_id: optionalId("subject_id"), body: messageBody })
  .strict()
export type AdminStartConversationType = z.infer<typeof AdminStartConversation>

export const AdminPostMessage = z.object({ body: messageBody, internal: z.boolean({ error: "internal must be true or false" }).optional() }).strict()
export type AdminPostMessageType = z.infer<typeof AdminPostMessage>

export const AdminAssignConversation = z
  .object({ user_id: z.union([requiredId("user_id"), z.null()], { error: "user_id must be a staff member's id, or null" }) })
  .strict()
export type AdminAssignConversationType = z.infer<typeof AdminAssignConversation>
