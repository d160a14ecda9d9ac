import { mkdirSync } from "node:fs"
import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, eventually, signUpCustomer } from "../support/api"
import { bookVisit, completeVisit, setCycle } from "../support/billing-cycles"
import { launchBrowser, signInToAdmin, signInToPortal } from "../support/browser"

/**
 * Issue #18 item 2 in the browser: staff open a monthly customer's page, see the visits waiting
 * with their total on the "Billing cycle" card and press "Bill now"; the customer opens the
 * consolidated invoice in the portal (without JavaScript) and sees both visits on it.
 */

const app = (path: string) => `${inject("backendUrl")}/app${path}`
let browser: Browser
let admin: string

beforeAll(async () => {
  mkdirSync(".tmp/screenshots", { recursive: true })
  browser = await launchBrowser()
  admin = await adminToken()
}, 120_000)
afterAll(async () => {
  await browser?.close()
})

describe("billing cycles", () => {
  it("staff bill a monthly customer now from the customer page; the customer opens the consolidated invoice in the portal", async () => {
    const mona = await signUpCustomer({ first_name: "Mona", last_name: "Monthly" })
    await setCycle(admin, mona.customer.id, { frequency: "monthly", month_day: "last" })
    const visits = [await bookVisit(mona.token), await bookVisit(mona.token)]
    for (const visit of visits) await completeVisit(admin, visit.id)
    const waiting = await eventually(async () => {
      const { body } = await api(`/admin/customers/${mona.customer.id}/billing-cycle`, { token: admin })
      if (body.waiting?.[0]?.visits.length !== 2) throw new Error("visits not waiting yet")
      return body.waiting[0]
    })

    const staff = await signInToAdmin(browser)
    await staff.setViewportSize({ width: 1280, height: 900 })
    await staff.goto(app(`/customers/${mona.customer.id}`))
    const card = staff.getByTestId("customer-billing-cycle")
    await card.waitFor()
    expect(await card.getByTestId("billing-cycle-summary").innerText()).toContain("Monthly, closing on the last day of the month")
    const total = await card.getByTestId("billing-cycle-total").innerText()
    expect(total).toContain(waiting.total.toFixed(2))
    await card.screenshot({ path: ".tmp/screenshots/admin-billing-cycle-waiting.png" })
    await card.getByTestId("billing-cycle-bill-now").click()
    await staff.getByText("1 invoice made for 2 visits.").waitFor()
    await card.getByTestId("billing-cycle-nothing-waiting").waitFor()
    await card.screenshot({ path: ".tmp/screenshots/admin-billing-cycle-billed.png" })

    const invoice = await eventually(async () => {
      const { body } = await api(`/admin/invoices?customer_id=${mona.customer.id}`, { token: admin })
      const found = body.invoices?.[0]
      if (!found || found.status === "draft") throw new Error("not issued yet")
      return found as { id: string; number: string }
    }, 20_000)

    const portal = await browser.newPage({ javaScriptEnabled: false })
    await signInToPortal(portal, mona.email, mona.password)
    await portal.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invoices", exact: true }).click()
    await portal.getByTestId("invoice").filter({ hasText: invoice.number }).getByTestId("invoice-number").click()
    await portal.getByTestId("invoice-page").waitFor()
    const lines = await portal.getByTestId("invoice-lines").innerText()
    expect(lines.split(visits[0].service_title).length - 1).toBe(2)
    expect(lines.match(/Bristol/g)?.length).toBe(2)
    // "Bill now" covers its visits: the first visit's day to the last's.
    const days = visits.map((visit) => new Date(visit.starts_at)).sort((a, b) => a.getTime() - b.getTime())
    const long = (date: Date) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }).format(date)
    const period = await portal.getByTestId("invoice-period").innerText()
    expect(period).toBe(`${long(days[0])} to ${long(days[1])}`)
    await portal.screenshot({ path: ".tmp/screenshots/portal-consolidated-invoice.png", fullPage: true })
    await portal.setViewportSize({ width: 390, height: 844 })
    await portal.screenshot({ path: ".tmp/screenshots/portal-consolidated-invoice-390.png", fullPage: true })
  })
})
