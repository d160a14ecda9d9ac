import { describe, expect, it } from "vitest"
import { renderEmail } from ".."
import { statusNotifications } from "../../workflows/complaints/complaint-activity"

const opts = { businessName: "Acme Home Services" }
const customer = { id: "cus_1", email: "ursula@example.test", first_name: "Ursula" }
const complaint = { id: "cmp_1", number: "C-1001", customer_id: "cus_1", resolution_note: "We refunded the visit." }

describe("a complaint's status email", () => {
  it("tells the customer it is resolved, with the note and the link to the complaint", async () => {
    const [feed, email] = statusNotifications({ complaint, to: "resolved", customer, url: "https://portal.example/complaints/cmp_1" })
    expect(feed).toMatchObject({ to: "cus_1", channel: "feed", data: { title: "Complaint C-1001: Resolved", url: "/complaints/cmp_1" } })
    const { subject, text } = await renderEmail(email.template, email.data as Record<string, unknown>, opts)
    expect(subject).toBe("Complaint C-1001: Resolved")
    expect(text).toMatch(/Hi Ursula,/)
    expect(text).toContain("Your complaint C-1001 is resolved.")
    expect(text).toContain("We refunded the visit.")
    expect(text).toContain("https://portal.example/complaints/cmp_1")
  })

  it("leaves the note out while the complaint is being worked on", async () => {
    const [feed, email] = statusNotifications({ complaint, to: "in_progress", customer, url: "https://portal.example/complaints/cmp_1" })
    expect(feed.data).toMatchObject({ title: "Complaint C-1001: In progress", message: "We are looking into your complaint C-1001." })
    const { text } = await renderEmail(email.template, email.data as Record<string, unknown>, opts)
    expect(text).not.toContain("We refunded the visit.")
  })
})
