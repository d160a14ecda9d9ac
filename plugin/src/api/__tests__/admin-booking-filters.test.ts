import { describe, expect, it } from "vitest"
import { bookingNumberPrefix } from "../../modules/booking"
import { bookingListFilters } from "../admin/bookings/helpers"
import { AdminGetBookingsParams } from "../admin/bookings/validators"

const filters = (query: Record<string, unknown>) => bookingListFilters(AdminGetBookingsParams.parse(query), "Europe/London")

describe("the staff bookings list's filters", () => {
  it("read a typed booking number start the way booking numbers are written", () => {
    expect(bookingNumberPrefix("7f3k")).toBe("BK-7F3K")
    expect(bookingNumberPrefix("bk-7f3k q9")).toBe("BK-7F3K-Q9")
    expect(bookingNumberPrefix("BK-7F3K-Q9XM-2PWD")).toBe("BK-7F3K-Q9XM-2PWD")
    expect(bookingNumberPrefix("olivia@example.com")).toBeNull()
    expect(bookingNumberPrefix("7F3K-Q9XM-2PWD-1234")).toBeNull()
  })

  it("turn days into the business's whole days, and a whole booking number into an exact match", () => {
    // 1 July is in British Summer Time: the day starts at 23:00 UTC the evening before.
    expect(filters({ from: "2031-07-01", to: "2031-07-01" })).toEqual({
      starts_at: { $gte: new Date("2031-06-30T23:00:00Z"), $lt: new Date("2031-07-01T23:00:00Z") },
    })
    expect(filters({ to: "2031-01-10T12:00:00Z" })).toEqual({ starts_at: { $lte: new Date("2031-01-10T12:00:00Z") } })
    expect(filters({ q: "bk 7f3k q9xm 2pwd" })).toEqual({ booking_number: "BK-7F3K-Q9XM-2PWD" })
    expect(filters({ q: "Olivia_B" })).toEqual({ $or: [{ email: { $like: "olivia\\_b%" } }] })
    expect(filters({ status: "confirmed,in_progress", fieldworker_id: "none" })).toEqual({ status: ["confirmed", "in_progress"], fieldworker_id: null })
    expect(() => filters({ from: "2031-07-02", to: "2031-07-01" })).toThrow("from must be on or before to")
  })
})
