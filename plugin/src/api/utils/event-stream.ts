import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { listenForMessages, type MessagePostedSignal } from "../../utils/conversation-broadcast"

/** Proxies close connections that stay silent for a minute or so; a comment line every 25 s keeps them open. */
export const HEARTBEAT_MS = 25_000

/**
 * Serves server-sent events: `event: message` for each new message `pick` lets through (as the
 * data it answers), and a heartbeat comment. The response is never compressed or buffered (the
 * headers ask proxies not to), the socket never times out, and the listener goes when the
 * browser closes the page.
 */
export function serveMessageStream(req: AuthenticatedMedusaRequest, res: MedusaResponse, pick: (signal: MessagePostedSignal) => object | null) {
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  req.socket.setTimeout(0)
  req.socket.setNoDelay(true)
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  })
  const flush = () => (res as unknown as { flush?: () => void }).flush?.()
  // The browser reconnects after 3 s if the connection drops.
  res.write(`retry: 3000\n: connected\n\n`)
  flush()
  const stop = listenForMessages((signal) => {
    const data = pick(signal)
    if (!data) return
    res.write(`event: message\ndata: ${JSON.stringify(data)}\n\n`)
    flush()
  }, logger)
  const heartbeat = setInterval(() => {
    res.write(`: heartbeat\n\n`)
    flush()
  }, HEARTBEAT_MS)
  const close = () => {
    clearInterval(heartbeat)
    stop()
  }
  // The response's "close": the browser went away (or the server is closing the socket).
  res.on("close", close)
  res.on("error", close)
}
