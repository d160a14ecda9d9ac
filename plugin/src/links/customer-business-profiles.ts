import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import BusinessProfileModule from "../modules/business-profile"

// The other direction of business-profile-customer.ts: customer.business_profiles in one query.
export default defineLink(
  { linkable: CustomerModule.linkable.customer, field: "id" },
  { ...BusinessProfileModule.linkable.businessProfile.id, primaryKey: "customer_id" },
  { readOnly: true, isList: true }
)
