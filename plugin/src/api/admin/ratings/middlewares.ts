import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { adminRatingsQuery, ratingBody, ratingSettingsUpdate, ratingsReportQuery } from "@fieldservice/contract"
import { z } from "zod"
import { imageUpload } from "../../utils/image-upload"
import { validateAndTransformBody } from "../../utils/validate-body"

const NoQuery = z.object({}).strict()

/** Staff's ratings (report, CSV, lists, settings) and the customer's own (store), registered together from api/middlewares.ts. */
export const ratingRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/ratings", method: "GET", middlewares: [validateAndTransformQuery(adminRatingsQuery, {})] },
  { matcher: "/admin/ratings/report", method: "GET", middlewares: [validateAndTransformQuery(ratingsReportQuery, {})] },
  { matcher: "/admin/ratings/export", method: "GET", middlewares: [validateAndTransformQuery(ratingsReportQuery, {})] },
  { matcher: "/admin/ratings/settings", method: "POST", middlewares: [validateAndTransformBody(ratingSettingsUpdate)] },
  { matcher: "/store/customers/me/bookings/:id/rating", method: "POST", middlewares: [validateAndTransformBody(ratingBody)] },
  { matcher: "/store/customers/me/bookings/:id/rating", method: "PUT", middlewares: [validateAndTransformBody(ratingBody)] },
  { matcher: "/store/customers/me/bookings/:id/rating/photos", method: "POST", middlewares: [imageUpload("photo")] },
  { matcher: "/store/customers/me/ratings/pending", method: "GET", middlewares: [validateAndTransformQuery(NoQuery, {})] },
]
