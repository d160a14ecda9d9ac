import { authenticate, type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { customerAccessGuard } from "../../guards/customer-access"
import { StoreGetDataExportDownloadParams } from "./validators"

/** Data requests: docs/security/data-requests.md. */
export const storeDataExportRoutesMiddlewares: MiddlewareRoute[] = [
  // The emailed link's download answers 404 (not 401) when signed out, like every refused download.
  {
    matcher: "/store/data-exports/download",
    method: "GET",
    middlewares: [
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      customerAccessGuard,
      validateAndTransformQuery(StoreGetDataExportDownloadParams, {}),
    ],
  },
]
