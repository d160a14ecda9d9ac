import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import CustomerProfileModule from "../modules/customer-profile"

// One profile per customer; deleting the customer removes the profile with it.
export default defineLink(CustomerModule.linkable.customer, {
  linkable: CustomerProfileModule.linkable.customerProfile,
  deleteCascade: true,
})
