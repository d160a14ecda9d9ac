import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import InvoicesModule from "../modules/invoices"

// The invoice stores its customer_id; this read-only link lets query.graph follow it.
export default defineLink({ linkable: InvoicesModule.linkable.invoice, field: "customer_id" }, CustomerModule.linkable.customer, { readOnly: true })
