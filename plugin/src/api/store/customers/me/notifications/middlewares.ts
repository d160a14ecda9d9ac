import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { refuseBody } from "../../../../guards/request-shape"
import { StoreGetNotificationsParams, StoreGetUnreadCountParams } from "./validators"

/** The portal's Notifications page and bell (signed in by /store/customers/me*'s own guard). */
export const storeNotificationRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/customers/me/notifications", method: "GET", middlewares: [validateAndTransformQuery(StoreGetNotificationsParams, {})] },
  { matcher: "/store/customers/me/notifications/unread-count", method: "GET", middlewares: [validateAndTransformQuery(StoreGetUnreadCountParams, {})] },
  { matcher: "/store/customers/me/notifications/read-all", method: "POST", middlewares: [refuseBody] },
  { matcher: "/store/customers/me/notifications/:id/read", method: "POST", middlewares: [refuseBody] },
]
