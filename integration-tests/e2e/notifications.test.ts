import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, signUpCustomer } from "../support/api"
import { launchBrowser, signInToAdmin, signInToPortal } from "../support/browser"
import { bookSomething } from "../support/customer-records"
import { sql } from "../support/db"

/**
 * Issue #21 item 2 in the browser: staff confirm a booking in the admin, the customer sees the
 * notice on the portal's Notifications page (the bell counts it), opens it and lands on the
 * booking, the count drops; "Mark all read" clears the rest. Without JavaScript at 390 px, with it at 1280 px.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
let browser: Browser
let customer: Customer

const portalUrl = (path: string) => `${inject("portalUrl")}${path}`
const bellCount = async (page: Page) => {
  const count = page.getByTestId("notification-count")
  return (await count.count()) ? Number(await count.innerText()) : 0
}

beforeAll(async () => {
  browser = await launchBrowser()
  customer = await signUpCustomer({ first_name: "Nora", last_name: "Notice" })
}, 120_000)
afterAll(async () => {
  await browser?.close()
})

describe("Notifications in the portal", () => {
  it("staff confirm a booking; the customer opens the notice, lands on the booking and marks the rest read", async () => {
    const { booking } = await bookSomething(customer.token)
    // A booking waiting for the office's confirmation (portal bookings are confirmed as they are placed).
    await sql(`update booking set status = 'requested' where id = $1`, [booking.id])

    const admin = await signInToAdmin(browser)
    await admin.goto(`${inject("backendUrl")}/app/bookings/${booking.id}`)
    await admin.getByTestId("booking-page").waitFor()
    await admin.getByTestId("booking-status-to-confirmed").click()
    await expect.poll(() => admin.getByTestId("booking-page-status").innerText()).toBe("Confirmed")
    await admin.close()

    // On a phone, without JavaScript.
    const phone = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    await signInToPortal(phone, customer.email, customer.password)
    await expect.poll(async () => (await api("/store/customers/me/notifications/unread-count", { token: customer.token })).body.unread_count).toBe(2)
    await phone.goto(portalUrl("/services"))
    expect(await bellCount(phone)).toBe(2)
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true)
    await phone.getByTestId("notification-bell").click()
    await phone.getByRole("heading", { name: "Notifications", exact: true }).waitFor()
    const unread = phone.locator('[data-testid="notification"][data-unread="true"]')
    expect(await unread.count()).toBe(2)
    await phone.screenshot({ path: "/tmp/notifications-390.png", fullPage: true })

    // The newest: staff's confirmation. Opening it lands on the booking and reads it.
    const newest = phone.getByTestId("notification").first()
    expect(await newest.innerText()).toContain(`Booking ${booking.booking_number} confirmed`)
    await newest.getByRole("link").click()
    await phone.waitForURL(`**/bookings/${booking.id}`)
    expect(await bellCount(phone)).toBe(1)
    await phone.goto(portalUrl("/notifications"))
    expect(await unread.count()).toBe(1)
    expect(await phone.getByTestId("notification").first().getAttribute("data-unread")).toBe("false")

    await phone.getByRole("button", { name: "Mark all read" }).click()
    await phone.getByTestId("unread-count").getByText("You have read everything.").waitFor()
    expect(await unread.count()).toBe(0)
    expect(await bellCount(phone)).toBe(0)
    await phone.close()

    // At a desktop width with JavaScript: the bell sits beside the one-row menu, and no count shows.
    const wide = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await signInToPortal(wide, customer.email, customer.password)
    await wide.goto(portalUrl("/notifications"))
    expect(await bellCount(wide)).toBe(0)
    const tops = new Set<number>()
    for (const item of await wide.getByRole("navigation", { name: "Main" }).getByRole("listitem").all()) tops.add(Math.round((await item.boundingBox())!.y))
    expect(tops.size).toBe(1)
    await wide.screenshot({ path: "/tmp/notifications-1280.png", fullPage: true })
    await wide.close()
  })

  it("staff switch an event's notification in Settings and see the portal log-ins above the orders", async () => {
    const admin = await signInToAdmin(browser)
    await admin.setViewportSize({ width: 1280, height: 1000 })
    await admin.goto(`${inject("backendUrl")}/app/settings/customer-portal`)
    const card = admin.getByTestId("portal-notifications-settings")
    await card.waitFor()
    const started = card.getByTestId("notice-booking_started-notice")
    expect(await started.getAttribute("data-state")).toBe("checked")
    // A service email can't be switched off, and says why.
    expect(await card.getByTestId("notice-invoice_issued-email").isDisabled()).toBe(true)
    await card.getByText("The invoice email (with its PDF) is always sent.").waitFor()
    await started.click()
    await admin.getByText("Notification settings saved.").first().waitFor()
    await expect.poll(() => started.getAttribute("data-state")).toBe("unchecked")
    expect((await api("/admin/portal/settings", { token: await adminToken() })).body.settings.notices.booking_started.notice).toBe(false)
    await card.screenshot({ path: "/tmp/notifications-settings.png" })
    await started.click()
    await expect.poll(() => started.getAttribute("data-state")).toBe("checked")

    await admin.goto(`${inject("backendUrl")}/app/orders`)
    const logins = admin.getByTestId("portal-log-ins")
    await logins.getByText("Portal log-ins, last 30 days").waitFor()
    await expect.poll(() => logins.getByTestId("portal-log-ins-chart").locator("rect").count()).toBe(30)
    expect(await logins.getByTestId("portal-log-ins-total").innerText()).toMatch(/^\d+ sign-ins? by \d+ customers?$/)
    await logins.screenshot({ path: "/tmp/portal-log-ins.png" })

    // The customer page says when and how they last signed in (the portal's password form, above).
    await admin.goto(`${inject("backendUrl")}/app/customers/${customer.customer.id}`)
    await expect.poll(() => admin.getByTestId("portal-last-sign-in").innerText()).toMatch(/, Password$/)
    await admin.close()
  })
})
