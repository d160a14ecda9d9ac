import { describe, expect, it } from "vitest"
import { renderEmail } from ".."

const opts = { businessName: "Acme Home Services" }

describe("the rating emails", () => {
  it("ask for a rating with the link to the portal's rating page", async () => {
    const email = await renderEmail(
      "rating-request",
      {
        first_name: "Ursula",
        booking_number: "BK-1",
        service_title: "Window Cleaning",
        visit_date: "Monday 7 December",
        rate_url: "https://portal.example/bookings/bkg_1/rate",
        unsubscribe_url: "https://portal.example/unsubscribe?customer=cus_1&kind=feedback&signature=s",
      },
      opts
    )
    expect(email.subject).toBe("How was your Window Cleaning visit? Rate Acme Home Services")
    expect(email.text).toContain("How was your Window Cleaning visit on Monday 7 December (booking BK-1)?")
    expect(email.html).toContain('href="https://portal.example/bookings/bkg_1/rate"')
    expect(email.text).toContain("Unsubscribe")
    expect(email.html).toContain("kind=feedback")
  })

  it("thank the customer, inviting a public review only when a review link is given", async () => {
    const base = { booking_number: "BK-1", service_title: "Window Cleaning", stars_text: "5 stars", booking_url: "https://portal.example/bookings/bkg_1" }
    const plain = await renderEmail("rating-thanks", base, opts)
    expect(plain.text).not.toContain("public review")
    expect(plain.text).not.toContain("Unsubscribe")
    const unsubscribe_url = "https://portal.example/unsubscribe?customer=cus_1&kind=feedback&signature=s"
    const invited = await renderEmail("rating-thanks", { ...base, review_url: "https://g.page/r/acme/review", unsubscribe_url }, opts)
    expect(invited.text).toContain("Unsubscribe")
    expect(invited.text).toContain("Leave a public review")
    expect(invited.html).toContain('href="https://g.page/r/acme/review"')
  })

  it("tell the office about a low rating with the comment and the booking's admin page", async () => {
    const email = await renderEmail(
      "rating-low-office",
      {
        summary: "Ursula Jones rated booking BK-1 (Window Cleaning) 1 star",
        booking_number: "BK-1",
        comment: "Nobody came",
        customer_name: "Ursula Jones",
        customer_email: "ursula@example.test",
        admin_url: "https://admin.example/app/bookings/bkg_1",
      },
      opts
    )
    expect(email.subject).toBe("Low rating: booking BK-1")
    expect(email.text).toContain("Nobody came")
    expect(email.text).toContain("Ursula Jones rated booking BK-1 (Window Cleaning) 1 star.")
  })
})
