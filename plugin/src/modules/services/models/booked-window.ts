import { model } from "@medusajs/framework/utils"

/**
 * How many bookings hold one arrival window of one service. Reserving increments `booked` with
 * a single conditional UPDATE (`booked < capacity`), so concurrent checkouts can never overfill
 * a window.
 */
const BookedWindow = model
  .define("service_booked_window", {
    id: model.id({ prefix: "bwin" }).primaryKey(),
    product_id: model.text(),
    starts_at: model.dateTime(),
    ends_at: model.dateTime(),
    booked: model.number().default(0),
  })
  .indexes([{ on: ["product_id", "starts_at"], unique: true }])

export default BookedWindow
