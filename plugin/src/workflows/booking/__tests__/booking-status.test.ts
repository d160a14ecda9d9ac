import { describe, expect, it } from "vitest"
import { bookingPostcode, canChangeStatus, refusedTransitionMessage } from "../booking-status"

describe("booking status changes by staff", () => {
  it("go forward through the visit, back from a mistaken start, and any open booking can be cancelled", () => {
    expect(canChangeStatus("confirmed", "in_progress")).toBe(true)
    expect(canChangeStatus("in_progress", "completed")).toBe(true)
    expect(canChangeStatus("confirmed", "completed")).toBe(true)
    expect(canChangeStatus("in_progress", "confirmed")).toBe(true)
    for (const open of ["requested", "confirmed", "in_progress"] as const) expect(canChangeStatus(open, "cancelled")).toBe(true)
    expect(canChangeStatus("requested", "completed")).toBe(false)
    expect(canChangeStatus("completed", "cancelled")).toBe(false)
    expect(canChangeStatus("cancelled", "confirmed")).toBe(false)
    expect(canChangeStatus("confirmed", "requested")).toBe(false)
  })

  it("explain a refusal with what the booking can become", () => {
    expect(refusedTransitionMessage("BK-1", "confirmed", "confirmed")).toBe("Booking BK-1 is already confirmed.")
    expect(refusedTransitionMessage("BK-1", "cancelled", "confirmed")).toBe("Booking BK-1 is cancelled, so its status can no longer change.")
    expect(refusedTransitionMessage("BK-1", "confirmed", "requested")).toBe(
      "Booking BK-1 is confirmed, so it can't be marked requested. It can be marked “in progress”, “completed” or “cancelled”."
    )
  })
})

describe("a booking's postcode", () => {
  it("is the booked address's, or the last postcode in the location line", () => {
    expect(bookingPostcode({ location: { postal_code: "bs6 7qt" }, location_text: "anything" })).toBe("BS6 7QT")
    expect(bookingPostcode({ location: null, location_text: "14 Elm Grove, London SW19 4HE" })).toBe("SW19 4HE")
    expect(bookingPostcode({ location: null, location_text: "Flat 3, 27 Canal Street, Manchester m13he" })).toBe("M1 3HE")
    expect(bookingPostcode({ location: null, location_text: "Somewhere without one" })).toBeNull()
  })
})
