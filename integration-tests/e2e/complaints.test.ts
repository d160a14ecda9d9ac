import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { signUpCustomer, TINY_PNG } from "../support/api"
import { insertBooking } from "../support/bookings"
import { launchBrowser, signInToAdmin, signInToPortal } from "../support/browser"

/**
 * Issue #21 item 5 in the browser: on a phone without JavaScript the customer reports a problem
 * from a past visit with a photo and sees it open in Complaints; staff find it in the admin's
 * Complaints list, assign it to themselves and resolve it with a note; the customer then sees
 * "Resolved" and the note.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
let browser: Browser
let customer: Customer
let visit: { id: string; booking_number: string }

const portalUrl = (path: string) => `${inject("portalUrl")}${path}`
const app = (path: string) => `${inject("backendUrl")}/app${path}`
const toast = (page: Page, text: string) => page.locator("[data-sonner-toast]", { hasText: text }).first().waitFor()

beforeAll(async () => {
  browser = await launchBrowser()
  customer = await signUpCustomer({ first_name: "Carla", last_name: "Complaint" })
  visit = await insertBooking({
    email: customer.email,
    customer_id: customer.customer.id,
    status: "completed",
    service_title: "Oven Clean",
    starts_at: new Date(Date.now() - 2 * 86_400_000).toISOString(),
  })
}, 120_000)
afterAll(async () => {
  await browser?.close()
})

describe.sequential("Complaints", () => {
  let complaintNumber = ""
  let complaintPath = ""

  it("on a phone without JavaScript: reports a problem from a past visit with a photo", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    await signInToPortal(page, customer.email, customer.password)
    await page.goto(portalUrl(`/bookings/${visit.id}`))
    await page.getByTestId("booking-report").getByRole("link", { name: "Report a problem" }).click()
    await page.getByTestId("new-complaint").waitFor()
    expect(await page.getByTestId("complaint-visit").innerText()).toContain(visit.booking_number)

    // Nothing chosen: the form says what is missing and keeps what was typed.
    await page.getByLabel("What went wrong?").fill("The oven still has burnt grease inside.")
    await page.getByRole("button", { name: "Send" }).click()
    await page.getByText("Choose what the problem is about", { exact: false }).first().waitFor()
    expect(await page.getByLabel("What went wrong?").inputValue()).toBe("The oven still has burnt grease inside.")

    await page.getByLabel("What is it about?").selectOption("quality_of_work")
    await page.getByLabel("A photo or document (optional)").setInputFiles({ name: "oven.png", mimeType: "image/png", buffer: TINY_PNG })
    await page.getByRole("button", { name: "Send" }).click()
    await page.getByTestId("complaint-page").waitFor()
    expect(await page.getByTestId("complaint-done").innerText()).toMatch(/We have your complaint/)
    expect(await page.getByTestId("complaint-status").innerText()).toBe("Open")
    expect(await page.getByTestId("complaint-photo").count()).toBe(1)
    const image = await page.request.get(
      await page
        .getByTestId("complaint-photo")
        .getByRole("link")
        .getAttribute("href")
        .then((href) => portalUrl(href!))
    )
    expect(image.status()).toBe(200)
    expect(await page.getByTestId("complaint-message-us").getAttribute("href")).toMatch(/^\/messages\/new\?about=complaint&id=cmp_/)
    complaintNumber = (await page.getByRole("heading", { level: 1 }).innerText()).match(/C-\d+/)![0]
    complaintPath = new URL(page.url()).pathname
    await page.screenshot({ path: ".tmp/screenshots/portal-complaint-phone.png", fullPage: true })
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

    await page.goto(portalUrl("/complaints"))
    const row = page.getByTestId("complaint").filter({ hasText: complaintNumber })
    expect(await row.getByTestId("complaint-status").innerText()).toBe("Open")
    expect(await row.innerText()).toContain(visit.booking_number)
    await page.close()
  })

  it("staff assign it to themselves and resolve it with a note; the customer sees Resolved", async () => {
    const page = await signInToAdmin(browser)
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(app(`/complaints?customer_id=${customer.customer.id}`))
    const row = page.getByTestId("complaints-row").filter({ hasText: complaintNumber })
    await row.waitFor()
    expect(await row.getByTestId("complaints-row-status").innerText()).toBe("Open")
    expect(await row.getByTestId("complaints-row-age").innerText()).toBe("just now")
    await page.screenshot({ path: ".tmp/screenshots/admin-complaints.png" })
    await row.click()
    await page.getByTestId("complaint-page").waitFor()
    expect(await page.getByTestId("complaint-description").innerText()).toBe("The oven still has burnt grease inside.")
    await page.getByTestId("complaint-attachments").or(page.getByText("oven.png")).first().waitFor()

    await page.getByTestId("complaint-assignee").click()
    await page.getByRole("option").nth(1).click()
    await toast(page, "Assigned to")

    await page.getByTestId("complaint-to-resolved").click()
    await page.getByTestId("complaint-resolve-save").click()
    await page.getByText("Say how it was resolved").waitFor()
    await page.getByTestId("complaint-resolution-note").fill("We came back and cleaned the oven again, free of charge.")
    await page.getByTestId("complaint-resolve-save").click()
    await toast(page, `Complaint ${complaintNumber} resolved`)
    expect(await page.getByTestId("complaint-status").innerText()).toBe("Resolved")
    await page.screenshot({ path: ".tmp/screenshots/admin-complaint.png", fullPage: true })

    await page.goto(app(`/customers/${customer.customer.id}`))
    const card = page.getByTestId("customer-complaints-row").filter({ hasText: complaintNumber })
    expect(await card.innerText()).toContain("Resolved")
    await page.close()

    const portal = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    await signInToPortal(portal, customer.email, customer.password)
    await portal.goto(portalUrl(complaintPath))
    expect(await portal.getByTestId("complaint-status").innerText()).toBe("Resolved")
    expect(await portal.getByTestId("complaint-resolution").innerText()).toContain("cleaned the oven again")
    await portal.screenshot({ path: ".tmp/screenshots/portal-complaint-resolved.png", fullPage: true })
    await portal.close()
  })
})
