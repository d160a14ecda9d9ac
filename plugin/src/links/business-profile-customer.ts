import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import BusinessProfileModule from "../modules/business-profile"

// The profile stores its customer_id; this read-only link lets query.graph follow it.
export default defineLink({ linkable: BusinessProfileModule.linkable.businessProfile, field: "customer_id" }, CustomerModule.linkable.customer, {
  readOnly: true,
})
