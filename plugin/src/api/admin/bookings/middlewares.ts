import { type MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminAssignFieldworker, AdminChangeBookingStatus, AdminGetBookingsParams, AdminLinkBookingCustomer, AdminReopenBooking } from "./validators"

export const adminBookingRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/bookings", method: "GET", middlewares: [validateAndTransformQuery(AdminGetBookingsParams, {})] },
  { matcher: "/admin/bookings/:id/fieldworker", method: "POST", middlewares: [validateAndTransformBody(AdminAssignFieldworker)] },
  { matcher: "/admin/bookings/:id/status", method: "POST", middlewares: [validateAndTransformBody(AdminChangeBookingStatus)] },
  { matcher: "/admin/bookings/:id/reopen", method: "POST", middlewares: [validateAndTransformBody(AdminReopenBooking)] },
  { matcher: "/admin/bookings/:id/customer", method: "POST", middlewares: [validateAndTransformBody(AdminLinkBookingCustomer)] },
]
