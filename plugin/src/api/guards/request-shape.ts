import { type MedusaNextFunction, type MedusaRequest, type MedusaResponse, validateAndTransformBody } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

/** Deeper than any body or query of ours; a client sending more is broken or probing. */
export const MAX_NESTING = 20

/** Longer than any id of ours (a prefix and a ULID, or a number): such a path names nothing. */
export const MAX_PATH_SEGMENT = 200

/**
 * What is wrong with a request's parsed body, query or path for any of our routes, or null:
 * a null character (PostgreSQL text can't hold one, so it would fail deep inside a write) in a
 * key or a value, or nesting deeper than MAX_NESTING. Walks without recursion, so no depth of
 * nesting can overflow the stack.
 */
export function requestShapeProblem(value: unknown, maxNesting = MAX_NESTING): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }]
  while (stack.length) {
    const item = stack.pop()!
    if (typeof item.value === "string") {
      if (item.value.includes("\u0000")) return NULL_CHARACTER
      continue
    }
    if (item.value === null || typeof item.value !== "object") continue
    if (item.depth >= maxNesting) return `The request is nested more than ${maxNesting} levels deep. Send the fields this route takes, as documented.`
    for (const [key, child] of Object.entries(item.value)) {
      if (key.includes("\u0000")) return NULL_CHARACTER
      // JSON.parse keeps "__proto__" as a field; copied by assignment it would swap an object's prototype.
      if (key === "__proto__") return "The request has a field named __proto__, which no route takes."
      stack.push({ value: child, depth: item.depth + 1 })
    }
  }
  return null
}

const NULL_CHARACTER = "The request contains a null character (\\u0000), which text can't hold. Remove it and send the request again."

/** Whether the request carries a body at all (a POST with `Content-Length: 0` doesn't). */
function hasBody(req: MedusaRequest) {
  const length = req.headers["content-length"]
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && Number(length) > 0)
}

/** The routes whose POST takes a file (multipart/form-data) instead of JSON (a message: JSON, or multipart with its files); their DELETE takes nothing. */
const UPLOAD_ROUTE =
  /^\/(?:store\/customers\/me\/(?:profile\/picture|dependents\/[^/]+\/photo|bookings\/[^/]+\/(?:attachments|rating\/photos)|complaints\/[^/]+\/photos)|admin\/(?:complaints\/[^/]+\/photos|customers\/[^/]+\/(?:picture|dependents\/[^/]+\/photo)|crm\/imports|(?:bookings|quotes)\/[^/]+\/attachments)|(?:store\/customers\/me|admin)\/conversations(?:\/[^/]+\/messages)?)\/?$/

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"])

function pathOf(req: MedusaRequest) {
  return (req.originalUrl ?? req.url).split("?")[0]
}

/**
 * Runs before every other middleware of the plugin's routes:
 * - a null character anywhere (path, query, body, keys) or absurd nesting → 400;
 * - a write whose body is not JSON (a form post, plain text, XML…) → 415. Medusa would otherwise
 *   read a form post as if it were JSON: cross-site forms could then call the API (no CORS
 *   preflight), and a body in another type would silently count as "no fields sent".
 * Uploads take multipart/form-data and are left to their own checks.
 */
export function requestShapeGuard(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const path = pathOf(req)
  let decodedPath: string
  try {
    decodedPath = decodeURIComponent(path)
  } catch {
    return res.status(400).json({ type: "invalid_data", message: "The address has a broken %-escape. Check the link and try again." })
  }
  if (decodedPath.split("/").some((segment) => segment.length > MAX_PATH_SEGMENT)) {
    // Answered here so the "not found" message doesn't repeat thousands of characters back.
    return res.status(404).json({ type: "not_found", message: `Nothing was found at this address: no id is longer than ${MAX_PATH_SEGMENT} characters.` })
  }
  const problem = requestShapeProblem(decodedPath) ?? requestShapeProblem(req.query) ?? requestShapeProblem(req.body)
  if (problem) return res.status(400).json({ type: "invalid_data", message: problem })
  const upload = req.method === "POST" && UPLOAD_ROUTE.test(path)
  if (WRITES.has(req.method) && hasBody(req) && !upload && !req.is(["application/json", "application/*+json"])) {
    return res.status(415).json({
      type: "unsupported_media_type",
      message: "Send the request body as JSON, with the header Content-Type: application/json.",
    })
  }
  next()
}

/**
 * Every path of the plugin's own routes (not Medusa core's): the portal's and staff's areas the
 * plugin adds. A new area needs its prefix here. Express mounts it as a prefix and skips it unless
 * the match ends at a "/" or the end, hence the lookahead.
 */
export const PLUGIN_ROUTES =
  /^\/(?:store\/(?:customers\/me\/(?:additional-contacts|automatic-payment|complaints|billing-address|booking-price|booking-series|bookings|calendar-link|business-profiles|conversations|data-exports|dependents|gift-vouchers|invoice-payments|invoices|notifications|profile|quotes|ratings|referrals|saved-cards|statement|store-credit|visits\.ics)|data-exports|portal|services|content)|admin\/(?:automatic-payments|billing|bookings|complaints|content|conversations|crm|custom-fields|customer-tags|data-exports|dependent-types|fieldworkers|gift-vouchers|invoices|portal|ratings|referrals|products\/[^/]+\/service|quotes|schedule|services|customers\/[^/]+\/(?:account|activity|additional-contacts|automatic-payment|bill-payer|billing-address|billing-cycle|billing-summary|booking-price|booking-series|business-profiles|communications|data-exports|data-requests|dependents|erasure|messages|picture|portal-invite|profile|referrals|restore|saved-cards|statement)))(?=\/|$)/

/** For routes that take no body (deletes, "send the invite"): any field sent is an unknown one. */
export const NoBody = z.object({}).strict()

/** On the plugin's write routes that take no body (each area's middlewares.ts): any field sent is refused (400) instead of ignored. */
export const refuseBody = validateAndTransformBody(NoBody)
