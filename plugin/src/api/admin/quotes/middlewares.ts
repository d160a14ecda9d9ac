import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { refuseBody } from "../../guards/request-shape"
import { attachmentUpload } from "../../utils/attachment-upload"
import { validateAndTransformBody } from "../../utils/validate-body"
import { QuoteSchedule } from "../../utils/common-validators/quote-schedule"
import { AdminCreateQuote, AdminGetQuotePdfParams, AdminGetQuotesParams, AdminUpdateQuote } from "./validators"

export const adminQuoteRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/quotes", method: "GET", middlewares: [validateAndTransformQuery(AdminGetQuotesParams, {})] },
  { matcher: "/admin/quotes", method: "POST", middlewares: [validateAndTransformBody(AdminCreateQuote)] },
  { matcher: "/admin/quotes/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateQuote)] },
  { matcher: "/admin/quotes/:id/send", method: "POST", middlewares: [refuseBody] },
  { matcher: "/admin/quotes/:id/revise", method: "POST", middlewares: [refuseBody] },
  { matcher: "/admin/quotes/:id/schedule", method: "POST", middlewares: [validateAndTransformBody(QuoteSchedule)] },
  { matcher: "/admin/quotes/:id/pdf", method: "GET", middlewares: [validateAndTransformQuery(AdminGetQuotePdfParams, {})] },
  // Photos and PDFs on the draft (the bookings' upload checks).
  { matcher: "/admin/quotes/:id/attachments", method: "POST", middlewares: [attachmentUpload] },
  { matcher: "/admin/quotes/:id/attachments/:attachment_id", method: "DELETE", middlewares: [refuseBody] },
]
