import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import DependentsModule from "../modules/dependents"

// Dependents store their customer_id; this read-only link lets query.graph read
// customer.dependents in the same query as the rest of the profile.
export default defineLink(
  { linkable: CustomerModule.linkable.customer, field: "id" },
  { ...DependentsModule.linkable.dependent.id, primaryKey: "customer_id" },
  { readOnly: true, isList: true }
)
