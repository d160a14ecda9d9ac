import { randomUUID } from "node:crypto"
import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, signUpCustomer, TINY_PNG } from "../support/api"
import { createFieldworker, insertBooking } from "../support/bookings"
import { launchBrowser, signInToAdmin, signInToPortal } from "../support/browser"

/**
 * Issue #21 item 4 in the browser: a visit staff completed is rated in the portal on a 390 px phone
 * with JavaScript off (stars as radio buttons, a comment and a photo), the thank-you invites a
 * public review after 5 stars, the booking shows the rating with "Change", and staff find it in the
 * Ratings report and on the customer page. Sets the review link, so it runs alone.
 */

let browser: Browser
let staff: string
let customer: Awaited<ReturnType<typeof signUpCustomer>>
let settingsBefore: Record<string, unknown>
const suffix = randomUUID().slice(0, 6)
const service = `Conservatory Roof Clean ${suffix}`
const REVIEW = "https://g.page/r/brightside-e2e/review"

beforeAll(async () => {
  browser = await launchBrowser()
  staff = await adminToken()
  settingsBefore = (await api("/admin/ratings/settings", { token: staff })).body.settings
  await api("/admin/ratings/settings", { token: staff, body: { public_review_url: REVIEW } })
  customer = await signUpCustomer({ first_name: "Rhona", last_name: `Stars${suffix}` })
})

afterAll(async () => {
  await browser?.close()
  if (settingsBefore) await api("/admin/ratings/settings", { token: staff, body: settingsBefore })
})

describe.sequential("Rating a completed visit", () => {
  it("is asked for, given on a phone without JavaScript, and shown on the booking", async () => {
    const fieldworker = await createFieldworker(staff, { name: `Ola Window ${suffix}` })
    const booking = await insertBooking({
      email: customer.email,
      customer_id: customer.customer.id,
      status: "in_progress",
      starts_at: new Date(Date.now() - 90 * 60_000).toISOString(),
      service_title: service,
      fieldworker_id: fieldworker.id,
    })
    expect((await api(`/admin/bookings/${booking.id}/status`, { token: staff, body: { status: "completed" } })).status).toBe(200)

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false })
    const page = await context.newPage()
    page.setDefaultTimeout(60_000)
    await signInToPortal(page, customer.email, customer.password)
    await page.goto(`${inject("portalUrl")}/bookings`)
    const prompt = page.getByTestId("pending-ratings")
    expect(await prompt.innerText()).toContain(`How was your ${service} visit with Ola Window ${suffix} (booking ${booking.booking_number})?`)
    await prompt.getByRole("link", { name: "Rate it" }).click()

    await page.getByRole("heading", { name: "How was your visit?" }).waitFor()
    await page.getByRole("group", { name: `How did Ola Window ${suffix} do?` }).waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.screenshot({ path: "/tmp/ratings-e2e-rate-390.png", fullPage: true })
    // Nothing chosen: the page says so and keeps the comment.
    await page.getByLabel("Tell us more (optional)").fill("Sparkling, and they took the ladders away.")
    await page.getByTestId("send-rating").click()
    await page.getByText("Choose from 1 to 5 stars.").waitFor()
    expect(await page.getByLabel("Tell us more (optional)").inputValue()).toBe("Sparkling, and they took the ladders away.")

    await page.getByLabel("5 – Excellent").check()
    await page.getByLabel("Add photos (optional)").setInputFiles({ name: "roof.png", mimeType: "image/png", buffer: TINY_PNG })
    await page.getByTestId("send-rating").click()
    await page.getByRole("heading", { name: "Thank you for your rating" }).waitFor()
    const invite = page.getByTestId("public-review-invite")
    expect(await invite.getByRole("link", { name: "Leave a public review" }).getAttribute("href")).toBe(REVIEW)
    expect(await page.getByRole("img", { name: "5 out of 5 stars" }).count()).toBe(1)
    expect(await page.getByRole("img", { name: "Your photo roof.png" }).count()).toBe(1)
    await page.screenshot({ path: "/tmp/ratings-e2e-thanks-390.png", fullPage: true })

    await page.goto(`${inject("portalUrl")}/bookings/${booking.id}`)
    const section = page.getByTestId("booking-rating")
    expect(await section.innerText()).toContain("Sparkling, and they took the ladders away.")
    await section.getByRole("link", { name: "Change" }).click()
    await page.getByRole("heading", { name: "Change your rating" }).waitFor()
    expect(await page.getByLabel("5 – Excellent").isChecked()).toBe(true)
    await page.goto(`${inject("portalUrl")}/bookings`)
    expect(await page.getByTestId("pending-ratings").count()).toBe(0)
    await context.close()
  })

  it("shows in staff's Ratings report and on the customer page", async () => {
    const page = await signInToAdmin(browser)
    await page.goto(`${inject("backendUrl")}/app/ratings?service=${encodeURIComponent(service)}`)
    await page.getByTestId("ratings-report").waitFor()
    await expect.poll(() => page.getByTestId("ratings-count").innerText()).toBe("average of 1 rating")
    expect(await page.getByTestId("ratings-average").innerText()).toBe("5.00")
    expect(await page.getByTestId("ratings-by-fieldworker").innerText()).toContain(`Ola Window ${suffix}`)
    expect(await page.getByTestId("ratings-export").getAttribute("href")).toContain(`service=${encodeURIComponent(service).replace(/%20/g, "+")}`)
    await page.screenshot({ path: "/tmp/ratings-e2e-report.png", fullPage: true })

    await page.goto(`${inject("backendUrl")}/app/customers/${customer.customer.id}`)
    const widget = page.getByTestId("customer-ratings")
    await widget.getByTestId("rating-row").waitFor()
    expect(await widget.innerText()).toContain("Sparkling, and they took the ladders away.")
    expect(await widget.getByTestId("rating-stars").getAttribute("aria-label")).toBe("5 out of 5 stars")
    await page.close()
  })
})
