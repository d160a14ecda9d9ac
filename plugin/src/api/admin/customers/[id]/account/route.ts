import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IAuthModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../../../../modules/portal-access"
import {
  type AdminDeleteCustomerAccountResponse,
  type AdminPortalAccountResponse,
  type PortalLoginMethod,
  type ProfileStatus,
  RESTORE_WINDOW_MS,
} from "@fieldservice/contract"
import { deleteCustomerAccountWorkflow } from "../../../../../workflows/accounts/account-lifecycle"
import { MAGIC_LINK_PROVIDER } from "../../../../../providers/magic-link/service"
import { requestActor } from "../../../../utils/activity-actor"
import { isoDate, isoDateOrNull } from "../../../../../utils/json-dates"

/** The customer's portal access as staff see it on the customer page. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminPortalAccountResponse>) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "has_account", "customer_profile.*"],
    filters: { id: req.params.id },
  })
  const customer = data[0]
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${req.params.id} was not found`)
  const auth: IAuthModuleService = req.scope.resolve(Modules.AUTH)
  const portal: PortalAccessModuleService = req.scope.resolve(PORTAL_ACCESS_MODULE)
  const [identities, invites, settings, [lastLogin]] = await Promise.all([
    auth.listAuthIdentities({ app_metadata: { customer_id: customer.id } } as never, { relations: ["provider_identities"] }),
    portal.listAccountTokens({ customer_id: customer.id, purpose: "invite" }, { order: { created_at: "DESC" }, take: 1 }),
    portal.getSettings(),
    portal.listPortalLogins({ customer_id: customer.id }, { order: { created_at: "DESC" }, take: 1 }),
  ])
  // Emailed sign-in links are passing proofs, not a way the customer has set up to sign in.
  const methods = identities
    .flatMap((identity) => identity.provider_identities?.map((p) => p.provider) ?? [])
    .filter((provider) => provider !== MAGIC_LINK_PROVIDER)
  const profile = customer.customer_profile as { status?: ProfileStatus; email_verified_at?: Date | null } | null
  res.json({
    account: {
      customer_id: customer.id,
      status: profile?.status ?? "active",
      has_login: methods.length > 0,
      login_methods: [...new Set(methods)],
      email_verified_at: isoDateOrNull(profile?.email_verified_at),
      last_invite_sent_at: isoDateOrNull(invites[0]?.created_at),
      portal_enabled: settings.portal_enabled,
      last_sign_in: lastLogin ? { at: isoDate(lastLogin.created_at), method: lastLogin.method as PortalLoginMethod } : null,
    },
  })
}

/** Soft delete: data kept and restorable for 30 days; logins removed at once. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminDeleteCustomerAccountResponse>) {
  await deleteCustomerAccountWorkflow(req.scope).run({
    input: { customer_id: req.params.id, actor_id: req.auth_context.actor_id, actor: await requestActor(req) },
  })
  res.json({ id: req.params.id, object: "customer", deleted: true, restorable_until: isoDate(new Date(Date.now() + RESTORE_WINDOW_MS)) })
}
