import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"

/** The signed-in staff member's email, for activity history lines. */
export async function staffActor(req: AuthenticatedMedusaRequest): Promise<string | null> {
  if (req.auth_context?.actor_type !== "user") return null
  const [user] = await req.scope.resolve(Modules.USER).listUsers({ id: req.auth_context.actor_id }, { take: 1, select: ["email"] })
  return user?.email ?? null
}
