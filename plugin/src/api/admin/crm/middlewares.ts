import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { validateAndTransformBody } from "../../utils/validate-body"
import { AdminExportDirectoryParams, AdminGetDirectoryParams } from "./customers/validators"
import { customerImportUpload } from "./imports/upload"
import { AdminGetCustomerImportsParams, AdminGetDuplicatesParams, AdminGetMergePreviewParams, AdminMergeCustomers } from "./validators"

export const adminCrmRoutesMiddlewares: MiddlewareRoute[] = [
  // The customer directory (search, filters) and its CSV export.
  { matcher: "/admin/crm/customers", method: "GET", middlewares: [validateAndTransformQuery(AdminGetDirectoryParams, {})] },
  { matcher: "/admin/crm/customers/export", method: "GET", middlewares: [validateAndTransformQuery(AdminExportDirectoryParams, {})] },
  // Import: the upload is streamed into the File module and checked as it arrives (multipart, not JSON).
  { matcher: "/admin/crm/imports", method: "POST", bodyParser: false, middlewares: [customerImportUpload] },
  { matcher: "/admin/crm/imports", method: "GET", middlewares: [validateAndTransformQuery(AdminGetCustomerImportsParams, {})] },
  // Duplicate customers and merging them.
  { matcher: "/admin/crm/duplicates", method: "GET", middlewares: [validateAndTransformQuery(AdminGetDuplicatesParams, {})] },
  { matcher: "/admin/crm/merges/preview", method: "GET", middlewares: [validateAndTransformQuery(AdminGetMergePreviewParams, {})] },
  { matcher: "/admin/crm/merges", method: "POST", middlewares: [validateAndTransformBody(AdminMergeCustomers)] },
]
