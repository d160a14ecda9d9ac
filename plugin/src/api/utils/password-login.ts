import type { IAuthModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** The email + password login registered for `email`, if there is one. */
export async function findPasswordLogin(scope: MedusaContainer, email: string) {
  const auth: IAuthModuleService = scope.resolve(Modules.AUTH)
  const [login] = await auth.listProviderIdentities({ provider: "emailpass", entity_id: email })
  return login ?? null
}
