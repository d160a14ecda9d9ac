import type { MedusaContainer } from "@medusajs/framework/types"
import { setDefaultPageLayout } from "../utils/page-layout"

/**
 * The customer page's default layout (issue #16 item 9): the profile with contact details above
 * Medusa's customer, orders, groups, metadata and JSON; bookings and portal access above Medusa's
 * addresses.
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
  await setDefaultPageLayout(container, "customer.details", CUSTOMER_PAGE_ORDER)
}
