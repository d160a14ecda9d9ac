import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { attachmentUpload } from "../../utils/attachment-upload"
import { validateAndTransformBody } from "../../utils/validate-body"
import { adminComplaintListQuery, adminComplaintOpening, complaintAssignment, complaintStatusChange } from "./validators"

export const adminComplaintRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/complaints", method: "GET", middlewares: [validateAndTransformQuery(adminComplaintListQuery, {})] },
  { matcher: "/admin/complaints", method: "POST", middlewares: [validateAndTransformBody(adminComplaintOpening)] },
  { matcher: "/admin/complaints/:id/assign", method: "POST", middlewares: [validateAndTransformBody(complaintAssignment)] },
  { matcher: "/admin/complaints/:id/status", method: "POST", middlewares: [validateAndTransformBody(complaintStatusChange)] },
  { matcher: "/admin/complaints/:id/photos", method: "POST", middlewares: [attachmentUpload] },
]
