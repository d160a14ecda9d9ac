import { mapTiles } from "~/lib/map-tiles.server"
import { stripeBrowserConfig } from "~/lib/api/saved-cards.server"
import { signInOrigins } from "~/lib/sign-in-origins.server"

/** "https://{s}.tile.example.org/{z}/{x}/{y}.png" → "https://*.tile.example.org". */
function originOf(url: string | undefined | null): string | null {
  if (!url) return null
  const match = /^(https?:\/\/)([^/?#]+)/i.exec(url.trim())
  if (!match) return null
  return match[1] + match[2].replace(/\{[a-z]+\}/gi, "*")
}

/**
 * The portal's Content-Security-Policy: scripts only from the portal itself (inline ones carry
 * this page's nonce) and Stripe.js; images from the portal, the API (pictures) and the map
 * tiles; frames only Stripe's card form; forms post only to the portal and the sign-in
 * providers it sends people to; nobody may frame the portal.
 */
export function contentSecurityPolicy(nonce: string): string {
  const stripe = stripeBrowserConfig()
  const stripeOrigins = stripe.publishableKey ? [originOf(stripe.jsUrl), "https://js.stripe.com", "https://*.js.stripe.com"].filter(Boolean) : []
  const stripeApi = stripe.publishableKey ? [originOf(stripe.jsUrl), "https://api.stripe.com"].filter(Boolean) : []
  const directives: Record<string, Array<string | null>> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, ...stripeOrigins],
    // Leaflet and Stripe's card form set inline styles; styles cannot run code.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", originOf(process.env.MEDUSA_BACKEND_URL), originOf(mapTiles()?.url)],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...stripeApi],
    "frame-src": stripe.publishableKey ? [...stripeOrigins, "https://hooks.stripe.com"] : ["'none'"],
    "form-action": ["'self'", ...signInOrigins()],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${[...new Set(sources.filter(Boolean))].join(" ")}`)
    .join("; ")
}
