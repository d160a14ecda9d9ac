import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import ServicesModule from "../modules/services"

// The service settings store their product_id; product.service_details in one query.
export default defineLink(
  { linkable: ProductModule.linkable.product, field: "id" },
  { ...ServicesModule.linkable.serviceDetails.id, primaryKey: "product_id" },
  { readOnly: true }
)
