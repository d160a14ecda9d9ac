import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { messageUpload } from "../../utils/message-upload"
import { validateAndTransformBody } from "../../utils/validate-body"
import { AdminAssignConversation, AdminGetConversationsParams, AdminPostMessage, AdminStartConversation } from "./validators"

/** The admin's Inbox (issue #21): a message is JSON or multipart with its files. */
export const adminConversationRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/conversations", method: "GET", middlewares: [validateAndTransformQuery(AdminGetConversationsParams, {})] },
  { matcher: "/admin/conversations", method: "POST", middlewares: [messageUpload, validateAndTransformBody(AdminStartConversation)] },
  { matcher: "/admin/conversations/:id/messages", method: "POST", middlewares: [messageUpload, validateAndTransformBody(AdminPostMessage)] },
  { matcher: "/admin/conversations/:id/assign", method: "POST", middlewares: [validateAndTransformBody(AdminAssignConversation)] },
]
