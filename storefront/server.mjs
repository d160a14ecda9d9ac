#!/usr/bin/env node
// The portal's web server: Remix behind Express, with what a browser-facing server needs before
// any page runs: the browser's real address (for the API's login limits), a check that every form
// post comes from the portal's own pages (cross-site request forgery), and security headers.
// `NODE_ENV=production node server.mjs` serves the build; otherwise Vite serves the sources.
import { AsyncLocalStorage } from "node:async_hooks"
import { randomBytes } from "node:crypto"
import { createRequestHandler } from "@remix-run/express"
import compression from "compression"
import express from "express"
import proxyaddr from "proxy-addr"

const production = process.env.NODE_ENV === "production"
const port = Number(process.env.PORT || 8000)
// Shared with app/lib/request-context.server.ts through the global registry of symbols.
const KEY = Symbol.for("fieldservice.portal.request-context")
const contexts = (globalThis[KEY] ??= new AsyncLocalStorage())

const trustedProxies = (process.env.TRUSTED_PROXIES || "")
  .split(",")
  .map((entry) => entry.trim())
  .filter(Boolean)
const portalOrigin = process.env.PORTAL_URL ? new URL(process.env.PORTAL_URL).origin : null
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"])

/**
 * A form post must come from one of the portal's own pages: browsers say where a request comes
 * from (Sec-Fetch-Site, Origin) and a page on another site cannot change that.
 */
function sameOrigin(req) {
  const site = req.get("sec-fetch-site")
  if (site) return site === "same-origin"
  const origin = req.get("origin")
  if (!origin || origin === "null") return false
  return origin === `${req.protocol}://${req.get("host")}` || origin === portalOrigin
}

const FORGED = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Form not accepted</title></head>
<body><h1>This form was not accepted</h1><p>It was sent from another website, or your browser didn't say where it came from.
Go back to our portal, reload the page and try again.</p><p><a href="/">Back to the portal</a></p></body></html>`

const app = express()
app.disable("x-powered-by")
app.set("trust proxy", proxyaddr.compile(trustedProxies))
app.use(compression())

app.use((req, res, next) => {
  res.set({
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
  })
  if (req.secure) res.set("Strict-Transport-Security", "max-age=15552000")
  // The emails' unsubscribe page takes mail clients' one-click POSTs (RFC 8058), which come from
  // no page at all; its signed link is its only key and it can only turn emails off.
  const oneClick = req.method === "POST" && req.path === "/unsubscribe"
  if (!SAFE_METHODS.has(req.method) && !oneClick && !sameOrigin(req)) return res.status(403).type("html").send(FORGED)
  next()
})

let build
if (production) {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }))
  app.use(express.static("build/client", { maxAge: "1h" }))
  build = await import(new URL("./build/server/index.js", import.meta.url).href)
} else {
  const vite = await import("vite").then((module) => module.createServer({ server: { middlewareMode: true } }))
  app.use(vite.middlewares)
  build = () => vite.ssrLoadModule("virtual:remix/server-build")
}

const remix = createRequestHandler({ build, mode: production ? "production" : "development" })
app.all("*", (req, res, next) => {
  const context = { clientAddress: req.ip ?? null, https: req.secure, nonce: randomBytes(16).toString("base64") }
  contexts.run(context, () => remix(req, res, next))
})

app.listen(port, () => console.log(`Portal listening on http://localhost:${port}`))
