import { describe, expect, it } from "vitest"
import { renderEmail } from ".."

const details = {
  booking_number: "BK-7F3K-Q9XM-2PWD",
  service_title: "Regular Home Clean",
  option_title: "3 bedrooms",
  when_text: "Thursday 12 March 2026, arriving between 10:00 and 12:00",
  location_text: "14 Larch Avenue, Bristol, BS6 7QT",
}
const price = {
  currency_code: "gbp",
  lines: [{ title: "Regular Home Clean · 3 bedrooms", quantity: 1, unit_price: 85, total: 85 }],
  subtotal: 85,
  discount_total: 0,
  tax_total: 17,
  total: 102,
}
const opts = { businessName: "Acme Home Services" }

describe("the price in the booking emails", () => {
  it("gives the customer the order's lines, tax and total in the business's currency, and when it is paid", async () => {
    const { text } = await renderEmail(
      "booking-confirmation",
      { ...details, price, price_due: "Reserved on your Visa ending 4242 and taken after the visit.", booking_url: "https://portal.test/bookings/1" },
      opts
    )
    expect(text).toContain("Regular Home Clean · 3 bedrooms: £85.00")
    expect(text).toContain("Tax: £17.00")
    expect(text).toContain("Total: £102.00")
    expect(text).toContain("Reserved on your Visa ending 4242 and taken after the visit.")
    expect(text).not.toContain("Discount")
  })

  it("shows quantities and discounts, and the office gets the price without the customer's payment note", async () => {
    const office = await renderEmail(
      "booking-received",
      {
        ...details,
        customer_name: "Mandy Manager",
        customer_email: "mandy@example.test",
        price: { ...price, lines: [{ ...price.lines[0], quantity: 2, total: 170 }], discount_total: 20, tax_total: 30, total: 180 },
      },
      opts
    )
    expect(office.text).toContain("2 × Regular Home Clean · 3 bedrooms: £170.00")
    expect(office.text).toContain("Discount: −£20.00")
    expect(office.text).toContain("Total: £180.00")
    expect(office.text).not.toContain("Reserved on your")
  })

  it("leaves the price out for a booking without an order, and refuses a price it can't print", async () => {
    const { text } = await renderEmail("booking-confirmation", { ...details, booking_url: "https://portal.test/bookings/1" }, opts)
    expect(text).not.toContain("Total:")
    await expect(
      renderEmail("booking-confirmation", { ...details, price: { ...price, total: "102" }, booking_url: "https://portal.test/bookings/1" }, opts)
    ).rejects.toThrow("data.price must be a price")
  })
})
