import { describe, expect, it } from "vitest"
import { renderEmail } from ".."

const details = {
  booking_number: "BK-7F3K-Q9XM-2PWD",
  service_title: "Gutter Clearing",
  when_text: "Thursday 12 March 2026, arriving between 10:00 and 12:00",
  location_text: "9 Chandos Road, Bristol, BS6 6PG",
}
const customer = { customer_name: "Mandy Manager", customer_email: "mandy@example.test", customer_phone: "0117 496 0123" }
const opts = { businessName: "Acme Home Services" }

describe("booking change emails", () => {
  it("tells the office the old and the new time of a rescheduled visit", async () => {
    const { subject, text } = await renderEmail(
      "booking-rescheduled-office",
      { ...details, ...customer, previous_when_text: "Tuesday 10 March 2026, arriving between 08:00 and 10:00" },
      opts
    )
    expect(subject).toBe("Portal reschedule BK-7F3K-Q9XM-2PWD: Gutter Clearing, now Thursday 12 March 2026, arriving between 10:00 and 12:00")
    expect(text).toContain("Old time: Tuesday 10 March 2026, arriving between 08:00 and 10:00")
    expect(text).toContain("New time: Thursday 12 March 2026, arriving between 10:00 and 12:00")
    expect(text).toContain("Mandy Manager, mandy@example.test, 0117 496 0123")
  })

  it("tells the office who cancelled and why, and the customer how to book again", async () => {
    const office = await renderEmail("booking-cancelled-office", { ...details, ...customer, reason: "Moving house" }, opts)
    expect(office.subject).toContain("Portal cancellation BK-7F3K-Q9XM-2PWD")
    expect(office.text).toContain("Reason given: Moving house")
    expect(office.text).toContain("free again")
    const mine = await renderEmail("booking-cancelled", { ...details, first_name: "Mandy", book_again_url: "https://portal.test/book/gutter-clearing" }, opts)
    expect(mine.subject).toBe("Booking BK-7F3K-Q9XM-2PWD cancelled: Gutter Clearing with Acme Home Services")
    expect(mine.text).toContain("Hi Mandy,")
    expect(mine.text).toContain("https://portal.test/book/gutter-clearing")
  })

  it("needs the earlier time for a reschedule and a link for a cancellation", async () => {
    await expect(renderEmail("booking-rescheduled", { ...details, booking_url: "https://portal.test/bookings/1" }, opts)).rejects.toThrow(
      "data.previous_when_text is missing"
    )
    await expect(renderEmail("booking-cancelled", { ...details }, opts)).rejects.toThrow("data.book_again_url is missing")
  })
})
