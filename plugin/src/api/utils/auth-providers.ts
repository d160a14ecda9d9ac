import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The customer login methods this app has configured (auth module providers allowed for customers). */
export function configuredAuthProviders(scope: MedusaContainer): Set<string> {
  const config = scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const perActor = config.projectConfig.http.authMethodsPerActor?.customer
  const modules = config.modules as Record<string, { options?: { providers?: { id: string }[] } } | boolean | undefined>
  const auth = modules?.auth
  const ids = (typeof auth === "object" ? auth.options?.providers ?? [] : []).map((provider) => provider.id)
  return new Set(perActor ? ids.filter((id) => perActor.includes(id)) : ids)
}
