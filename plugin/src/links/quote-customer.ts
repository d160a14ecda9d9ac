import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import QuotesModule from "../modules/quotes"

// The quote stores its customer_id; this read-only link lets query.graph follow it.
export default defineLink({ linkable: QuotesModule.linkable.quote, field: "customer_id" }, CustomerModule.linkable.customer, { readOnly: true })
