import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { refuseBody } from "../../../../guards/request-shape"
import { messageUpload } from "../../../../utils/message-upload"
import { validateAndTransformBody } from "../../../../utils/validate-body"
import { StoreGetConversationsParams, StorePostMessage, StoreStartConversation } from "./validators"

/** The portal's Messages (issue #21): a message is JSON or multipart with its files. */
export const storeConversationRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/customers/me/conversations", method: "GET", middlewares: [validateAndTransformQuery(StoreGetConversationsParams, {})] },
  { matcher: "/store/customers/me/conversations", method: "POST", middlewares: [messageUpload, validateAndTransformBody(StoreStartConversation)] },
  { matcher: "/store/customers/me/conversations/:id/messages", method: "POST", middlewares: [messageUpload, validateAndTransformBody(StorePostMessage)] },
  { matcher: "/store/customers/me/conversations/:id/messages/:message_id", method: "DELETE", middlewares: [refuseBody] },
]
