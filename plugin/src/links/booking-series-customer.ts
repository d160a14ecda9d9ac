import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import BookingSeriesModule from "../modules/booking-series"

// The customer a recurring series belongs to, through the stored customer_id.
export default defineLink({ linkable: BookingSeriesModule.linkable.bookingSeries, field: "customer_id" }, CustomerModule.linkable.customer, {
  readOnly: true,
})
