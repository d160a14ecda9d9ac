import http from "node:http"
import { inject } from "vitest"
import { randomLoopbackIp } from "./api"

export type PortalResponse = { status: number; headers: http.IncomingHttpHeaders; html: string; cookie: string | null }

type PortalRequest = {
  method?: "GET" | "POST"
  /** Sent as application/x-www-form-urlencoded, as a browser sends a form without JavaScript. */
  form?: Record<string, string>
  /** The browser's address (any 127.x.y.z). */
  fromIp?: string
  cookie?: string | null
  /** Defaults to the portal's own Origin for posts, as a browser sends for the portal's own forms. */
  headers?: Record<string, string>
}

/** Talks to the portal the way a browser without JavaScript does: pages and form posts. */
export function portal(path: string, options: PortalRequest = {}): Promise<PortalResponse> {
  const base = new URL(inject("portalUrl"))
  const url = new URL(path, `http://127.0.0.1:${base.port}`)
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined
  const method = options.method ?? (body === undefined ? "GET" : "POST")
  const headers: Record<string, string> = { accept: "text/html", ...(options.cookie ? { cookie: options.cookie } : {}) }
  if (body !== undefined) headers["content-type"] = "application/x-www-form-urlencoded"
  if (method === "POST") headers.origin = `http://127.0.0.1:${base.port}`
  Object.assign(headers, options.headers)
  for (const [name, value] of Object.entries(headers)) if (value === "") delete headers[name]
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, localAddress: options.fromIp ?? randomLoopbackIp() }, (response) => {
      let html = ""
      response.setEncoding("utf8")
      response.on("data", (chunk) => (html += chunk))
      response.on("end", () => {
        const setCookie = response.headers["set-cookie"]?.find((line) => line.startsWith("portal_session="))
        resolve({ status: response.statusCode ?? 0, headers: response.headers, html, cookie: setCookie ? setCookie.split(";")[0] : null })
      })
    })
    request.on("error", reject)
    request.end(body)
  })
}

/** Signs in through the portal's sign-in form; the response redirects to /account on success. */
export const portalSignIn = (email: string, password: string, fromIp?: string) => portal("/sign-in", { form: { email, password, redirectTo: "" }, fromIp })
