import { randomBytes } from "node:crypto"
import { PassThrough } from "node:stream"

import type { EntryContext } from "@remix-run/node"
import { createReadableStreamFromReadable } from "@remix-run/node"
import { RemixServer } from "@remix-run/react"
import { isbot } from "isbot"
import { renderToPipeableStream } from "react-dom/server"

import { contentSecurityPolicy } from "~/lib/content-security.server"
import { NonceContext } from "~/lib/nonce"
import { currentRequest } from "~/lib/request-context.server"

const ABORT_DELAY = 5_000

/**
 * Remix's own Node entry, plus the page's Content-Security-Policy: every inline script Remix
 * writes carries this response's nonce. Enforced in production; reported only in development,
 * where Vite's hot reload needs more.
 */
export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const nonce = currentRequest()?.nonce ?? randomBytes(16).toString("base64")
  const header = process.env.NODE_ENV === "production" ? "Content-Security-Policy" : "Content-Security-Policy-Report-Only"
  responseHeaders.set(header, contentSecurityPolicy(nonce))
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const ready = () => {
      shellRendered = true
      const body = new PassThrough()
      responseHeaders.set("Content-Type", "text/html")
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
      pipe(body)
    }
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        ...(waitForAll ? { onAllReady: ready } : { onShellReady: ready }),
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500
          // Errors before the shell is ready are logged by Remix's handleDocumentRequest.
          if (shellRendered) console.error(error)
        },
      }
    )
    setTimeout(abort, ABORT_DELAY)
  })
}
