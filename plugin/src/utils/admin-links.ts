import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type AdminConfig = { admin?: { backendUrl?: string; path?: string } }

/** Where the Medusa server answers, as staff reach it (the admin's backend URL). */
export function adminBaseUrl(container: MedusaContainer): string {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as AdminConfig
  return (config.admin?.backendUrl || process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/$/, "")
}

/** A page of the Medusa admin, e.g. `/quotes/quo_…`, for links in emails to staff. */
export function adminPageUrl(container: MedusaContainer, page: string): string {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as AdminConfig
  const path = `/${(config.admin?.path || "/app").replace(/^\/|\/$/g, "")}`
  return `${adminBaseUrl(container)}${path}${page}`
}
