import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreGetServiceAvailabilityParams, StoreGetServicesParams } from "./validators"

/** Services, open to visitors. */
export const storeServiceRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/services", method: "GET", middlewares: [validateAndTransformQuery(StoreGetServicesParams, {})] },
  { matcher: "/store/services/:id/availability", method: "GET", middlewares: [validateAndTransformQuery(StoreGetServiceAvailabilityParams, {})] },
]
