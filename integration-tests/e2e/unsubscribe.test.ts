/**
 * Issue #21 item 3: the customer unsubscribes from reminders through the reminder email's link
 * (on a phone, without JavaScript), and the staff's customer page shows reminders off.
 */
import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { signUpCustomer } from "../support/api"
import { insertBooking } from "../support/bookings"
import { launchBrowser, signInToAdmin } from "../support/browser"
import { runJob } from "../support/jobs"
import { DAY, farVisit, MINUTE, sentBody, sentRemindersOf, setReminderSettings } from "../support/visit-reminders"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
  await setReminderSettings({ enabled: true, lead_hours: [48, 2] })
})
afterAll(async () => {
  await browser?.close()
})

describe("Unsubscribing from visit reminders", () => {
  it("the email's link turns reminders off in one press, and the customer page shows them off", async () => {
    const customer = await signUpCustomer({ first_name: "Pia", last_name: "Unsubscriber" })
    const start = farVisit(470)
    const booking = await insertBooking({ email: customer.email, customer_id: customer.customer.id, starts_at: start.toISOString() })
    await runJob("visit-reminders", new Date(start.getTime() - 2 * DAY + MINUTE))
    const [reminder] = await sentRemindersOf(booking.id)
    expect(reminder).toBeDefined()
    const sent = await sentBody(reminder.external_id!)
    const link = sent.headers!["List-Unsubscribe"].slice(1, -1)
    expect(sent.html.replace(/&amp;/g, "&")).toContain(link)

    // The customer opens the link on a phone with JavaScript off: the page asks, the button does it.
    const phone = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    const page = await phone.newPage()
    await page.goto(link)
    await page.getByText("Stop sending appointment reminders").waitFor()
    await page.getByRole("button", { name: "Unsubscribe" }).click()
    await page.getByRole("heading", { name: "You’re unsubscribed" }).waitFor()
    expect(await page.getByTestId("unsubscribed").textContent()).toContain("appointment reminders")
    await phone.close()

    // The staff see it on the customer page: the switch is off and the history says how.
    const admin = await signInToAdmin(browser)
    await admin.goto(new URL(`/app/customers/${customer.customer.id}`, admin.url()).toString())
    const reminders = admin.getByTestId("customer-profile-reminder-emails")
    await reminders.waitFor()
    expect(await reminders.getAttribute("data-state")).toBe("unchecked")
    expect(await admin.getByTestId("customer-profile-feedback-emails").getAttribute("data-state")).toBe("checked")
    await admin.getByTestId("customer-activity").getByText("Unsubscribed from appointment reminders with the link in an email.").waitFor()
    await admin.close()
  })
})
