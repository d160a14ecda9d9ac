import type { ISettingsModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Medusa (2.21) puts every widget after its column's own sections, whatever the widget's
 * before/after zone, and orders them by the page's layout `order`. This sets a page's default
 * layout (ids are widgets' config `id`s as "widget:<id>" and Medusa's section names as
 * "core:<name>"), unless one was saved already: staff may still change their own view.
 */
export async function setDefaultPageLayout(container: MedusaContainer, zone: string, order: Record<string, { order: number }>) {
  if (!container.hasRegistration(Modules.SETTINGS)) return
  const settings: ISettingsModuleService = container.resolve(Modules.SETTINGS)
  if (await settings.getSystemDefaultLayoutConfiguration(zone)) return
  await settings.setSystemDefaultLayoutConfiguration(zone, { widgets: order })
}
