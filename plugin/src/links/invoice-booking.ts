import { defineLink } from "@medusajs/framework/utils"
import BookingModule from "../modules/booking"
import InvoicesModule from "../modules/invoices"

// The visit an invoice bills, through the stored booking_id.
export default defineLink({ linkable: InvoicesModule.linkable.invoice, field: "booking_id" }, BookingModule.linkable.booking, { readOnly: true })
