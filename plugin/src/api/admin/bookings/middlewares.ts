import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { validateAndTransformBody } from "../../utils/validate-body"
import { AdminAssignFieldworker, AdminChangeBookingStatus, AdminGetBookingsParams } from "./validators"

export const adminBookingRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/bookings", method: "GET", middlewares: [validateAndTransformQuery(AdminGetBookingsParams, {})] },
  { matcher: "/admin/bookings/:id/fieldworker", method: "POST", middlewares: [validateAndTransformBody(AdminAssignFieldworker)] },
  { matcher: "/admin/bookings/:id/status", method: "POST", middlewares: [validateAndTransformBody(AdminChangeBookingStatus)] },
]
