import { describe, expect, it } from "vitest"
import { adminToken, api, demoCustomerToken } from "../support/api"

describe("help content (Payload CMS)", () => {
  it("serves the seeded FAQs to the portal, grouped and ordered", async () => {
    const { status, body } = await api("/store/content/faqs")
    expect(status).toBe(200)
    expect(body.faqs.length).toBeGreaterThanOrEqual(5)
    const question = body.faqs.find((faq: { question: string }) => faq.question === "Can I reschedule or cancel a booking?")
    expect(question).toMatchObject({ category: "Bookings", answer: expect.stringContaining("24 hours") })
    const keys = body.faqs.map((faq: { category: string; order: number }) => `${faq.category}/${String(faq.order).padStart(4, "0")}`)
    expect(keys).toEqual([...keys].sort())
  })

  it("serves the terms with version and publication date", async () => {
    const { status, body } = await api("/store/content/terms")
    expect(status).toBe(200)
    const terms = body.terms.find((term: { slug: string }) => term.slug === "terms-of-service")
    expect(terms).toMatchObject({ title: "Terms of service", version: "2.1" })
    expect(new Date(terms.publishedAt).toISOString()).toBe("2026-01-15T09:00:00.000Z")
  })

  it("needs the portal's publishable key", async () => {
    const { status } = await api("/store/content/faqs", { publishableKey: false })
    expect(status).toBe(400)
  })

  it("lets staff create, edit and delete an FAQ, and the portal sees each change", async () => {
    const token = await adminToken()
    const created = await api("/admin/content/faqs", {
      token,
      body: { question: "Do you bring your own equipment?", answer: "Yes, everything including ladders.", category: "Our team", order: 9 },
    })
    expect(created.status).toBe(201)
    const id = created.body.faq.id
    const listed = await api("/store/content/faqs")
    expect(listed.body.faqs.map((faq: { id: number }) => faq.id)).toContain(id)

    const edited = await api(`/admin/content/faqs/${id}`, { token, body: { answer: "Yes: vacuums, ladders and eco products." } })
    expect(edited.status).toBe(200)
    expect(edited.body.faq).toMatchObject({
      question: "Do you bring your own equipment?",
      answer: "Yes: vacuums, ladders and eco products.",
      category: "Our team",
    })

    const removed = await api(`/admin/content/faqs/${id}`, { token, method: "DELETE" })
    expect(removed.status).toBe(200)
    const after = await api("/store/content/faqs")
    expect(after.body.faqs.map((faq: { id: number }) => faq.id)).not.toContain(id)
    expect((await api(`/admin/content/faqs/${id}`, { token })).status).toBe(404)
  })

  it("rejects invalid content with a readable 400 and writes nothing", async () => {
    const token = await adminToken()
    const before = (await api("/store/content/faqs")).body.faqs.length
    const empty = await api("/admin/content/faqs", { token, body: { question: "  ", answer: "x" } })
    expect(empty.status).toBe(400)
    expect(empty.body.message).toMatch(/question/)
    const unknown = await api("/admin/content/faqs", { token, body: { question: "Q?", answer: "A.", published: true } })
    expect(unknown.status).toBe(400)
    expect(unknown.body.message).toMatch(/published/)
    const negative = await api("/admin/content/faqs", { token, body: { question: "Q?", answer: "A.", order: -1 } })
    expect(negative.status).toBe(400)
    expect((await api("/store/content/faqs")).body.faqs.length).toBe(before)
  })

  it("refuses a second terms document with the same slug", async () => {
    const token = await adminToken()
    const duplicate = await api("/admin/content/terms", {
      token,
      body: { title: "Copy", slug: "privacy-notice", body: "Text", version: "9.9", publishedAt: "2026-06-01" },
    })
    expect(duplicate.status).toBe(400)
    const terms = (await api("/store/content/terms")).body.terms.filter((term: { slug: string }) => term.slug === "privacy-notice")
    expect(terms).toHaveLength(1)
    expect(terms[0].version).toBe("1.0")
  })

  it("answers 404 for an FAQ that does not exist, and keeps customers out of the staff API", async () => {
    const token = await adminToken()
    expect((await api("/admin/content/faqs/999999", { token, body: { answer: "x" } })).status).toBe(404)
    expect((await api("/admin/content/faqs/not-a-number", { token })).status).toBe(404)
    const customer = await demoCustomerToken()
    expect((await api("/admin/content/faqs", { token: customer, body: { question: "Q?", answer: "A." } })).status).toBe(401)
  })
})
