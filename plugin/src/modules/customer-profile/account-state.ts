import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type CustomerAccountState = {
  /** False once the customer is deleted (soft-deleted customers are not returned). */
  exists: boolean
  status: "active" | "blocked" | "archived"
  /** Customers without a profile predate the plugin and count as verified. */
  verified: boolean
}

export async function customerAccountState(scope: MedusaContainer, customerId: string): Promise<CustomerAccountState> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "customer_profile.status", "customer_profile.email_verified_at", "customer_profile.id"],
    filters: { id: customerId },
  })
  const profile = data[0]?.customer_profile as { status: CustomerAccountState["status"]; email_verified_at: Date | null } | undefined
  return {
    exists: !!data[0],
    status: profile?.status ?? "active",
    verified: !profile || !!profile.email_verified_at,
  }
}

export type AccessProblem = { status: number; body: { type: string; code: string; message: string } }

/** Why a signed-in customer may not use the portal right now, or null when they may. */
export function accessProblem(state: CustomerAccountState, { requireVerified }: { requireVerified: boolean }): AccessProblem | null {
  if (!state.exists) {
    return { status: 401, body: { type: "unauthorized", code: "account_deleted", message: "This account no longer exists." } }
  }
  if (state.status === "blocked") {
    return {
      status: 403,
      body: {
        type: "not_allowed",
        code: "account_blocked",
        message: "Your account is on hold, so you can't sign in or book right now. Please contact us and we'll help.",
      },
    }
  }
  if (state.status === "archived") {
    return {
      status: 403,
      body: {
        type: "not_allowed",
        code: "account_archived",
        message: "This account has been closed. Contact us if you'd like to use it again.",
      },
    }
  }
  if (requireVerified && !state.verified) {
    return {
      status: 403,
      body: {
        type: "not_allowed",
        code: "email_not_verified",
        message: "Please confirm your email address first: use the link we emailed you, or ask for a new one.",
      },
    }
  }
  return null
}
