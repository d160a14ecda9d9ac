import type { MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"

export type JsonReplacement = { status: number; body: unknown }

/**
 * Lets a middleware act on the JSON answer of the route (or error handler) after it, once:
 * `hook` sees the status and payload, may do async work, and may return a different answer.
 * Errors thrown by `hook` go to Medusa's error handler.
 */
export function beforeJsonResponse(res: MedusaResponse, next: MedusaNextFunction, hook: (payload: unknown) => Promise<JsonReplacement | void>) {
  const send = res.json.bind(res)
  res.json = ((payload: unknown) => {
    res.json = send
    hook(payload).then((replacement) => {
      if (replacement) res.status(replacement.status)
      send(replacement ? replacement.body : payload)
    }, next)
    return res
  }) as typeof res.json
}
