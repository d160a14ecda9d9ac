import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, signUpCustomer } from "../support/api"
import { createBookableService, type TestService } from "../support/bookings"
import { launchBrowser, signInToAdmin, signInToPortal } from "../support/browser"
import { sql } from "../support/db"
import { acceptedQuote, markDepositPaid, savedLocation } from "../support/quote-visits"
import { sealQuoteToken } from "../../plugin/src/utils/quote-links"

/**
 * Issue #19 item 3 in the browser: on a phone without JavaScript the customer opens their accepted
 * quote, books a visit in an arrival window and sees it confirmed, "from quote QUO-…", with the
 * paid deposit taken off what is left to pay; staff see
 * the quote accepted and the booking linked on its page.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
let browser: Browser
let admin: string
let customer: Customer
let service: TestService

const portalUrl = (path: string) => `${inject("portalUrl")}${path}`
const app = (path: string) => `${inject("backendUrl")}/app${path}`

beforeAll(async () => {
  browser = await launchBrowser()
  admin = await adminToken()
  customer = await signUpCustomer({ first_name: "Vera", last_name: "Visit" })
  service = await createBookableService(admin, { lead_time_hours: 0, capacity: 3 })
}, 120_000)
afterAll(async () => {
  await browser?.close()
})

describe("From an accepted quote to a visit", () => {
  it("the customer books a window from the quote in the portal; staff see the booking linked on the quote page", async () => {
    const home = await savedLocation(customer, "4 Quote Row")
    const quote = await acceptedQuote(admin, customer, service, { address_id: home, deposit: 20 })
    await markDepositPaid(quote.id)

    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    await signInToPortal(page, customer.email, customer.password)
    await page.goto(portalUrl(`/quotes/${quote.id}`))
    await page.getByTestId("quote-book-visit").click()
    await page.getByTestId("quote-book-page").waitFor()
    // The second day with free times, its first window; pay on the day.
    await page.getByTestId("time-day-link").nth(1).click()
    await page.locator('input[name="starts_at"]').first().check()
    await page.locator("#payment-on-the-day").check()
    // Nothing on the page is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.getByRole("button", { name: "Book the visit" }).click()

    await page.getByTestId("booking-confirmed").waitFor()
    expect(await page.getByTestId("booking-quote").innerText()).toBe(`From quote ${quote.number}`)
    // The quoted £96 less the £20 deposit is what is left to pay.
    expect(await page.getByTestId("price-total").innerText()).toContain("£96.00")
    expect(await page.getByTestId("price-left").innerText()).toContain("£76.00")
    const number = (await page.getByTestId("booking-number").innerText()).trim()
    const [row] = await sql<{ id: string; quote_id: string; location_text: string }>(
      `select id, quote_id, location_text from booking where booking_number = $1`,
      [number]
    )
    expect(row.quote_id).toBe(quote.id)
    expect(row.location_text).toContain("4 Quote Row")

    // Back on the quote: the visit is linked, and "Book a visit" is gone.
    await page.goto(portalUrl(`/quotes/${quote.id}`))
    expect(await page.getByTestId("quote-visit").innerText()).toContain(`booking ${number}`)
    expect(await page.getByTestId("quote-book-visit").count()).toBe(0)
    await page.close()

    // Staff: accepted, and the booking linked from the quote page.
    const staff = await signInToAdmin(browser)
    await staff.goto(app(`/quotes/${quote.id}`))
    await staff.getByTestId("quote-page").waitFor()
    expect(await staff.getByTestId("quote-status").innerText()).toBe("Accepted")
    await staff.getByTestId("quote-visit-link").click()
    await staff.waitForURL((url) => url.pathname.endsWith(`/bookings/${row.id}`))
    expect(await staff.getByTestId("booking-quote").innerText()).toContain(quote.number)
    await staff.close()
  })

  it("through the emailed link, not signed in: books a window at the quote's address, paid on the day", async () => {
    const home = await savedLocation(customer, "6 Link Lane")
    const quote = await acceptedQuote(admin, customer, service, { address_id: home })
    const token = sealQuoteToken({ quote_id: quote.id, customer_id: customer.customer.id }, "supersecret")

    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    await page.goto(portalUrl(`/quote-link?token=${encodeURIComponent(token)}`))
    await page.getByTestId("quote-book-visit").click()
    await page.getByTestId("quote-book-page").waitFor()
    // No cards through the link: paying on the day, or signing in to pay by card.
    expect(await page.locator('input[name="payment"]').count()).toBe(1)
    expect(await page.getByTestId("quote-visit-sign-in-for-cards").innerText()).toBe("To pay by card, sign in to your account first.")
    await page.getByTestId("time-day-link").nth(1).click()
    await page.locator('input[name="starts_at"]').first().check()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.getByRole("button", { name: "Book the visit" }).click()

    // Back on the quote: booked, named by its number.
    await page.getByTestId("quote-visit").waitFor()
    const [row] = await sql<{ booking_number: string; location_text: string }>(`select booking_number, location_text from booking where quote_id = $1`, [
      quote.id,
    ])
    expect(await page.getByTestId("quote-visit").innerText()).toContain(`booking ${row.booking_number}`)
    expect(row.location_text).toContain("6 Link Lane")
    expect(await page.getByTestId("quote-book-visit").count()).toBe(0)
    await page.close()
  })

  it("staff schedule the visit from the quote page's drawer, at one of the customer's locations", async () => {
    await savedLocation(customer, "6 Drawer Lane")
    const quote = await acceptedQuote(admin, customer, service)
    const staff = await signInToAdmin(browser)
    await staff.goto(app(`/quotes/${quote.id}`))
    await staff.getByTestId("quote-schedule-visit").click()
    const drawer = staff.getByTestId("schedule-visit-drawer")
    await drawer.getByTestId("new-booking-day").nth(2).click()
    await drawer.getByTestId("new-booking-window").first().click()
    await drawer.getByTestId("schedule-visit-submit").click()
    await staff.getByTestId("quote-visit-link").waitFor()
    const number = (await staff.getByTestId("quote-visit-link").innerText()).trim()
    const [row] = await sql<{ quote_id: string; status: string }>(`select quote_id, status from booking where booking_number = $1`, [number])
    expect(row).toEqual({ quote_id: quote.id, status: "confirmed" })
    await staff.close()
  })
})
