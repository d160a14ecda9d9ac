import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { FACEBOOK_DEFAULTS } from "../../../../providers/facebook/service"
import { GOOGLE_DEFAULTS } from "../../../../providers/google/service"

type ProviderConfig = { id: string; options?: Record<string, unknown> }

function authProviderConfigs(scope: MedusaContainer): ProviderConfig[] {
  const config = scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const perActor = config.projectConfig.http.authMethodsPerActor?.customer
  const modules = config.modules as Record<string, { options?: { providers?: ProviderConfig[] } } | boolean | undefined>
  const auth = modules?.auth
  const providers = typeof auth === "object" ? (auth.options?.providers ?? []) : []
  return perActor ? providers.filter((provider) => perActor.includes(provider.id)) : providers
}

/** The customer login methods this app has configured (auth module providers allowed for customers). */
export function configuredAuthProviders(scope: MedusaContainer): Set<string> {
  return new Set(authProviderConfigs(scope).map((provider) => provider.id))
}

/**
 * Where "Continue with Google/Facebook" sends the browser: the portal allows these origins as
 * form targets in its Content-Security-Policy.
 */
export function socialSignInOrigins(scope: MedusaContainer): string[] {
  const origins = new Set<string>()
  for (const provider of authProviderConfigs(scope)) {
    const url =
      provider.id === "google"
        ? (provider.options?.authorizeUrl as string | undefined) || GOOGLE_DEFAULTS.authorizeUrl
        : provider.id === "facebook"
          ? (provider.options?.dialogBaseUrl as string | undefined) || FACEBOOK_DEFAULTS.dialogBaseUrl
          : null
    if (url) origins.add(new URL(url).origin)
  }
  return [...origins]
}
