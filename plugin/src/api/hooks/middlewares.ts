import type { MiddlewareRoute } from "@medusajs/framework/http"

/** Stripe's webhooks: the signature is checked over the exact bytes Stripe sent. */
export const hookRoutesMiddlewares: MiddlewareRoute[] = [{ matcher: "/hooks/stripe", method: "POST", bodyParser: { preserveRawBody: true }, middlewares: [] }]
