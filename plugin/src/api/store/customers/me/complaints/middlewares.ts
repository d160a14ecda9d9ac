import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { complaintOpening, storeComplaintListQuery } from "@fieldservice/contract"
import { attachmentUpload } from "../../../../utils/attachment-upload"
import { validateAndTransformBody } from "../../../../utils/validate-body"

/** The customer's complaints (signed in: the /store/customers/me* guard applies first). */
export const storeComplaintRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/customers/me/complaints", method: "GET", middlewares: [validateAndTransformQuery(storeComplaintListQuery, {})] },
  { matcher: "/store/customers/me/complaints", method: "POST", middlewares: [validateAndTransformBody(complaintOpening)] },
  // A photo or PDF, checked by its content like booking attachments.
  { matcher: "/store/customers/me/complaints/:id/photos", method: "POST", middlewares: [attachmentUpload] },
]
