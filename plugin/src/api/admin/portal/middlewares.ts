import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { validateAndTransformBody } from "../../utils/validate-body"
import { AdminGetPortalLoginsParams, AdminGetStripeSettingsParams, AdminUpdatePortalSettings, AdminUpdateVisitReminderSettings } from "./validators"

export const adminPortalRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/portal/settings", method: "POST", middlewares: [validateAndTransformBody(AdminUpdatePortalSettings)] },
  { matcher: "/admin/portal/stripe", method: "GET", middlewares: [validateAndTransformQuery(AdminGetStripeSettingsParams, {})] },
  { matcher: "/admin/portal/visit-reminders", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateVisitReminderSettings)] },
  { matcher: "/admin/portal/log-ins", method: "GET", middlewares: [validateAndTransformQuery(AdminGetPortalLoginsParams, {})] },
]
