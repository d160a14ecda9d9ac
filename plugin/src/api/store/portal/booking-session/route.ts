import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreBookingSessionResponse } from "@fieldservice/contract"
import type { ICustomerModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { BOOKING_MODULE, type BookingModuleService } from "../../../../modules/booking"
import { bookingSessionEmail } from "./helpers"
import { isoDate, isoDateOrNull } from "../../../../utils/json-dates"

/** A booking-number session sees the bookings made with its email, and nothing else. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreBookingSessionResponse>) {
  const email = await bookingSessionEmail(req)
  const bookings: BookingModuleService = req.scope.resolve(BOOKING_MODULE)
  const customers: ICustomerModuleService = req.scope.resolve(Modules.CUSTOMER)
  const [list, accounts] = await Promise.all([
    bookings.listBookings({ email }, { order: { starts_at: "DESC" }, take: 100 }),
    customers.listCustomers({ email, has_account: true }, { take: 1 }),
  ])
  res.json({
    email,
    has_account: accounts.length > 0,
    bookings: list.map(({ id, booking_number, service_title, status, starts_at, ends_at, location_text }) => ({
      id,
      booking_number,
      service_title,
      status,
      starts_at: isoDate(starts_at),
      ends_at: isoDateOrNull(ends_at),
      location_text,
    })),
  })
}
