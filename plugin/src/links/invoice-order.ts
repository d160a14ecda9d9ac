import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import InvoicesModule from "../modules/invoices"

// The Medusa order an invoice bills (its lines, tax and payment), through the stored order_id.
export default defineLink({ linkable: InvoicesModule.linkable.invoice, field: "order_id" }, OrderModule.linkable.order, { readOnly: true })
