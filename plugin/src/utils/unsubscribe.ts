import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { EmailPreferenceKind } from "@fieldservice/contract"
import { linkSecret } from "../emails/one-time-links"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../modules/portal-access"
import { unsubscribeSignature } from "./unsubscribe-signature"

export { isValidUnsubscribe, unsubscribeSignature } from "./unsubscribe-signature"

export const serverLinkSecret = (container: MedusaContainer) => linkSecret(container.resolve(ContainerRegistrationKeys.CONFIG_MODULE))

/** The portal page that confirms (GET) or does at once (POST, RFC 8058) the unsubscribe. */
export function unsubscribeLink(container: MedusaContainer, customerId: string, kind: EmailPreferenceKind): string {
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const signature = unsubscribeSignature(serverLinkSecret(container), customerId, kind)
  return portal.portalLink("/unsubscribe", { customer: customerId, kind, signature })
}

/**
 * The headers mail clients read to offer their own "Unsubscribe" button (RFC 2369 and RFC 8058's
 * one-click POST to the same link); `mailto` adds an address for clients that only write emails.
 */
export function unsubscribeHeaders(link: string, mailto?: string): Record<string, string> {
  const targets = [`<${link}>`, ...(mailto ? [`<mailto:${mailto}?subject=unsubscribe>`] : [])]
  return { "List-Unsubscribe": targets.join(", "), "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
}

/**
 * What a non-essential email needs: the link for its footer (template data `unsubscribe_url`) and
 * the headers, which the Resend provider sends from `provider_data.headers`.
 */
export function unsubscribeParts(container: MedusaContainer, customerId: string, kind: EmailPreferenceKind) {
  const link = unsubscribeLink(container, customerId, kind)
  return { unsubscribe_url: link, provider_data: { headers: unsubscribeHeaders(link) } }
}
