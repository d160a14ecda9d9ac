import { randomUUID } from "node:crypto"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, eventually, signUpCustomer } from "../support/api"
import { insertBooking } from "../support/bookings"
import { launchBrowser, signInToAdmin, signInToPortal } from "../support/browser"

/**
 * Issue #21 items 4 and 5 together in the browser: a completed visit rated 2 stars in the portal
 * (the default low-rating setting) opens a complaint the customer sees in Complaints and staff see
 * in the admin's Complaints list; staff resolve it with a note and the customer sees "Resolved".
 * Sets the low-rating setting, so it runs alone.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
let browser: Browser
let staff: string
let customer: Customer
let settingsBefore: Record<string, unknown>
const suffix = randomUUID().slice(0, 6)
const service = `Driveway Jet Wash ${suffix}`

const portalUrl = (path: string) => `${inject("portalUrl")}${path}`
const app = (path: string) => `${inject("backendUrl")}/app${path}`
const toast = (page: Page, text: string) => page.locator("[data-sonner-toast]", { hasText: text }).first().waitFor()

beforeAll(async () => {
  browser = await launchBrowser()
  staff = await adminToken()
  settingsBefore = (await api("/admin/ratings/settings", { token: staff })).body.settings
  await api("/admin/ratings/settings", { token: staff, body: { low_rating_threshold: 2 } })
  customer = await signUpCustomer({ first_name: "Lena", last_name: `Lowstar${suffix}` })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  if (settingsBefore) await api("/admin/ratings/settings", { token: staff, body: settingsBefore })
})

describe.sequential("A low rating becomes a complaint", () => {
  let complaint = { id: "", number: "" }

  it("rating a completed visit 2 stars in the portal opens a complaint the customer sees", async () => {
    const booking = await insertBooking({
      email: customer.email,
      customer_id: customer.customer.id,
      status: "in_progress",
      starts_at: new Date(Date.now() - 90 * 60_000).toISOString(),
      service_title: service,
    })
    expect((await api(`/admin/bookings/${booking.id}/status`, { token: staff, body: { status: "completed" } })).status).toBe(200)

    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    page.setDefaultTimeout(60_000)
    await signInToPortal(page, customer.email, customer.password)
    await page.goto(portalUrl(`/bookings/${booking.id}/rate`))
    await page.getByRole("heading", { name: "How was your visit?" }).waitFor()
    await page.getByLabel("2 – Fair").check()
    await page.getByLabel("Tell us more (optional)").fill("They left muddy water all over the front step.")
    await page.getByTestId("send-rating").click()
    await page.getByRole("heading", { name: "Thank you for your rating" }).waitFor()
    expect(await page.getByTestId("public-review-invite").count()).toBe(0)

    // The complaint is opened by a subscriber to rating.low_rating_given, just after the rating.
    complaint = await eventually(async () => {
      const list = (await api("/store/customers/me/complaints", { token: customer.token })).body.complaints as { id: string; number: string }[]
      if (!list.length) throw new Error("no complaint yet")
      return list[0]
    })
    await page.goto(portalUrl("/complaints"))
    const row = page.getByTestId("complaint").filter({ hasText: complaint.number })
    expect(await row.getByTestId("complaint-status").innerText()).toBe("Open")
    expect(await row.innerText()).toContain(booking.booking_number)
    await page.screenshot({ path: "/tmp/rating-complaint-portal-390.png", fullPage: true })
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.close()
  })

  it("staff find it in Complaints and resolve it with a note; the customer sees Resolved", async () => {
    const page = await signInToAdmin(browser)
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(app(`/complaints?customer_id=${customer.customer.id}`))
    const row = page.getByTestId("complaints-row").filter({ hasText: complaint.number })
    await row.waitFor()
    expect(await row.getByTestId("complaints-row-status").innerText()).toBe("Open")
    await row.click()
    await page.getByTestId("complaint-page").waitFor()
    expect(await page.getByTestId("complaint-description").innerText()).toBe("Rated 2 stars: They left muddy water all over the front step.")

    await page.getByTestId("complaint-to-resolved").click()
    await page.getByTestId("complaint-resolution-note").fill("We came back, rinsed the step and refunded the visit.")
    await page.getByTestId("complaint-resolve-save").click()
    await toast(page, `Complaint ${complaint.number} resolved`)
    expect(await page.getByTestId("complaint-status").innerText()).toBe("Resolved")
    await page.screenshot({ path: "/tmp/rating-complaint-admin.png", fullPage: true })
    await page.close()

    const portal = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    await signInToPortal(portal, customer.email, customer.password)
    await portal.goto(portalUrl("/complaints"))
    const listed = portal.getByTestId("complaint").filter({ hasText: complaint.number })
    expect(await listed.getByTestId("complaint-status").innerText()).toBe("Resolved")
    await portal.goto(portalUrl(`/complaints/${complaint.id}`))
    expect(await portal.getByTestId("complaint-status").innerText()).toBe("Resolved")
    expect(await portal.getByTestId("complaint-resolution").innerText()).toContain("rinsed the step")
    await portal.screenshot({ path: "/tmp/rating-complaint-resolved-390.png", fullPage: true })
    await portal.close()
  })
})
