import type { ISettingsModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** The customer page's zone in Medusa's layout settings (its widgets' zones start with it). */
const CUSTOMER_PAGE_ZONE = "customer.details"

/**
 * Medusa (2.21) puts every widget after its column's own sections, whatever the widget's
 * before/after zone, and orders them by the layout's `order`. This default layout puts the
 * field-service parts first (issue #16 item 9): the profile with contact details above Medusa's
 * customer, orders, groups, metadata and JSON; bookings and portal access above Medusa's
 * addresses. Ids are the widgets' config `id`s and Medusa's section names. Staff may still
 * change their own view, and a default staff already saved is kept.
 */
const CUSTOMER_PAGE_ORDER: Record<string, { order: number }> = {
  "widget:customer-profile": { order: 0 },
  "core:CustomerGeneralSection": { order: 10 },
  "core:CustomerOrderSection": { order: 11 },
  "core:CustomerGroupSection": { order: 12 },
  "widget:customer-activity": { order: 13 },
  "core:MetadataSection": { order: 20 },
  "core:JsonViewSection": { order: 21 },
  "core:RequiredPermissionsSection": { order: 22 },
  "widget:customer-bookings": { order: 0 },
  "widget:customer-portal-access": { order: 1 },
  "core:CustomerAddressSection": { order: 10 },
  "widget:customer-data-requests": { order: 11 },
}

export default async function customerPageLayout({ container }: { container: MedusaContainer }) {
  if (!container.hasRegistration(Modules.SETTINGS)) return
  const settings: ISettingsModuleService = container.resolve(Modules.SETTINGS)
  if (await settings.getSystemDefaultLayoutConfiguration(CUSTOMER_PAGE_ZONE)) return
  await settings.setSystemDefaultLayoutConfiguration(CUSTOMER_PAGE_ZONE, { widgets: CUSTOMER_PAGE_ORDER })
}
