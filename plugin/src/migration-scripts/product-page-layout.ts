import type { MedusaContainer } from "@medusajs/framework/types"
import { setDefaultPageLayout } from "../utils/page-layout"

/**
 * The product page's default layout (issue #16 item 3): a service's settings first, where the
 * office looks, above Medusa's general details, media, options and variants; the side column
 * (sales channels, shipping, organisation, attributes with HS and MID codes) as Medusa has it.
 */
const PRODUCT_PAGE_ORDER: Record<string, { order: number }> = {
  "widget:product-service": { order: 0 },
  "core:ProductGeneralSection": { order: 10 },
  "core:ProductMediaSection": { order: 11 },
  "core:ProductOptionSection": { order: 12 },
  "core:ProductVariantSection": { order: 13 },
  "core:MetadataSection": { order: 20 },
  "core:JsonViewSection": { order: 21 },
  "core:RequiredPermissionsSection": { order: 22 },
  "core:ProductSalesChannelSection": { order: 0 },
  "core:ProductShippingProfileSection": { order: 1 },
  "core:ProductOrganizationSection": { order: 2 },
  "core:ProductAttributeSection": { order: 3 },
}

export default async function productPageLayout({ container }: { container: MedusaContainer }) {
  await setDefaultPageLayout(container, "product.details", PRODUCT_PAGE_ORDER)
}
