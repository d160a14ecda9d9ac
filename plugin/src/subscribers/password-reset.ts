import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { sealLinkFor, withOneTimeLinks } from "../emails/one-time-links"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../modules/portal-access"

/** Medusa's reset tokens last 15 minutes. */
const RESET_TOKEN_MINUTES = 15

/** Medusa's emailpass reset flow made a token: email the customer a link into the portal. */
export default async function emailPasswordResetLink({ event: { data }, container }: SubscriberArgs<{ entity_id: string; actor_type: string; token: string }>) {
  if (data.actor_type !== "customer") return
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  if (!(await portal.getSettings()).portal_enabled) return
  const customers = container.resolve(Modules.CUSTOMER)
  const [customer] = await customers.listCustomers({ email: data.entity_id, has_account: true }, { take: 1 })
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: data.entity_id,
    channel: "email",
    template: "password-reset",
    receiver_id: customer?.id,
    resource_id: customer?.id,
    resource_type: "customer",
    trigger_type: "auth.password_reset",
    data: withOneTimeLinks(
      { first_name: customer?.first_name ?? undefined, expires_in_minutes: RESET_TOKEN_MINUTES },
      { reset_url: sealLinkFor(container, portal.portalLink("/reset-password", { token: data.token, email: data.entity_id })) }
    ),
  })
}

export const config: SubscriberConfig = { event: "auth.password_reset" }
