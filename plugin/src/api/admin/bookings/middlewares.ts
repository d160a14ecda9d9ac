import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { refuseBody } from "../../guards/request-shape"
import { attachmentUpload } from "../../utils/attachment-upload"
import { validateAndTransformBody } from "../../utils/validate-body"
import {
  AdminAssignFieldworker,
  AdminCreateBooking,
  AdminChangeBookingStatus,
  AdminGetBookingsParams,
  AdminGetFreeWindowsParams,
  AdminLinkBookingCustomer,
  AdminReopenBooking,
  AdminRescheduleBooking,
  AdminUpdateBooking,
} from "./validators"

export const adminBookingRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/bookings", method: "GET", middlewares: [validateAndTransformQuery(AdminGetBookingsParams, {})] },
  // "New booking": staff book for a customer, through the portal's booking workflow.
  { matcher: "/admin/bookings", method: "POST", middlewares: [validateAndTransformBody(AdminCreateBooking)] },
  { matcher: "/admin/bookings/:id/fieldworker", method: "POST", middlewares: [validateAndTransformBody(AdminAssignFieldworker)] },
  { matcher: "/admin/bookings/:id/status", method: "POST", middlewares: [validateAndTransformBody(AdminChangeBookingStatus)] },
  // The schedule board's moves: another window of the visit's service.
  { matcher: "/admin/bookings/:id/reschedule", method: "POST", middlewares: [validateAndTransformBody(AdminRescheduleBooking)] },
  { matcher: "/admin/bookings/:id/free-windows", method: "GET", middlewares: [validateAndTransformQuery(AdminGetFreeWindowsParams, {})] },
  { matcher: "/admin/bookings/:id/reopen", method: "POST", middlewares: [validateAndTransformBody(AdminReopenBooking)] },
  { matcher: "/admin/bookings/:id/customer", method: "POST", middlewares: [validateAndTransformBody(AdminLinkBookingCustomer)] },
  // Staff edit a visit and add or remove its files (the customer's limits and checks).
  { matcher: "/admin/bookings/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateBooking)] },
  { matcher: "/admin/bookings/:id/attachments", method: "POST", middlewares: [attachmentUpload] },
  { matcher: "/admin/bookings/:id/attachments/:attachment_id", method: "DELETE", middlewares: [refuseBody] },
]
