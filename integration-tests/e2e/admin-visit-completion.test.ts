import { randomUUID } from "node:crypto"
import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, signUpCustomer, uniqueEmail } from "../support/api"
import { createFieldworker, insertBooking } from "../support/bookings"
import { launchBrowser, signInToAdmin } from "../support/browser"
import { sql } from "../support/db"

// Bookings are inserted at fixed offsets from the moment the test runs, so it passes at any time of day.
const fromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()

let browser: Browser
let token: string
let customer: Awaited<ReturnType<typeof signUpCustomer>>
const suffix = randomUUID().slice(0, 6)

beforeAll(async () => {
  browser = await launchBrowser()
  token = await adminToken()
  customer = await signUpCustomer({ first_name: "Petra", last_name: `Finish${suffix}` })
})

afterAll(async () => {
  await browser?.close()
})

const bookingUrl = (id: string) => `${inject("backendUrl")}/app/bookings/${id}`

describe.sequential("Admin: completing a visit and linking guest bookings", () => {
  it("asks before completing, asks again for an early finish, offers an undo and then keeps the fieldworker", async () => {
    const fieldworker = await createFieldworker(token, { name: `Fran Field ${suffix}`, service_areas: ["BS"] })
    const started = await insertBooking({
      email: customer.email,
      customer_id: customer.customer.id,
      status: "in_progress",
      starts_at: fromNow(-30),
      fieldworker_id: fieldworker.id,
    })
    const page = await signInToAdmin(browser)
    await page.goto(bookingUrl(started.id))
    await page.getByTestId("booking-page").waitFor()

    // "Not yet" changes nothing.
    await page.getByTestId("booking-status-to-completed").click()
    const dialog = page.getByRole("alertdialog")
    await dialog.getByText(`Mark booking ${started.booking_number} completed?`).waitFor()
    expect(await dialog.innerText()).toContain("You can undo this for 10 minutes")
    await dialog.getByRole("button", { name: "Not yet" }).click()
    await dialog.waitFor({ state: "hidden" })
    expect(await page.getByTestId("booking-page-status").innerText()).toBe("In progress")

    await page.getByTestId("booking-status-to-completed").click()
    await dialog.getByRole("button", { name: "Mark completed" }).click()
    await expect.poll(() => page.getByTestId("booking-page-status").innerText()).toBe("Completed")
    // The fieldworker who did it stays on record.
    expect(await page.getByTestId("booking-fieldworker-name").innerText()).toBe(`Fran Field ${suffix}`)
    expect(await page.getByTestId("booking-fieldworker-locked").innerText()).toBe("This visit is completed, so its fieldworker stays as recorded.")
    expect(await page.getByTestId("booking-fieldworker-unassign").count()).toBe(0)

    // The toast's Undo puts it back.
    await page.getByRole("button", { name: "Undo", exact: true }).click()
    await expect.poll(() => page.getByTestId("booking-page-status").innerText()).toBe("In progress")
    expect((await sql(`select status, completed_at from booking where id = $1`, [started.id]))[0]).toEqual({ status: "in_progress", completed_at: null })
    expect(await page.getByTestId("booking-fieldworker-unassign").isVisible()).toBe(true)

    // Completed again, the page's own Undo button does the same.
    await page.getByTestId("booking-status-to-completed").click()
    await dialog.getByRole("button", { name: "Mark completed" }).click()
    await expect.poll(() => page.getByTestId("booking-page-status").innerText()).toBe("Completed")
    await page.getByTestId("booking-undo-completion").click()
    await expect.poll(() => page.getByTestId("booking-page-status").innerText()).toBe("In progress")

    // A visit days away: staff are told it hasn't started, and complete it only if they say it's done.
    const later = await insertBooking({ email: customer.email, customer_id: customer.customer.id, starts_at: fromNow(3 * 24 * 60) })
    await page.goto(bookingUrl(later.id))
    await page.getByTestId("booking-page").waitFor()
    await page.getByTestId("booking-status-to-completed").click()
    await dialog.getByRole("button", { name: "Mark completed" }).click()
    await dialog.getByText("Finished early?").waitFor()
    expect(await dialog.innerText()).toContain(`Booking ${later.booking_number}'s visit hasn't started yet`)
    await dialog.getByRole("button", { name: "Keep it open" }).click()
    await dialog.waitFor({ state: "hidden" })
    expect(await page.getByTestId("booking-page-status").innerText()).toBe("Confirmed")
    expect((await sql(`select status from booking where id = $1`, [later.id]))[0].status).toBe("confirmed")

    await page.getByTestId("booking-status-to-completed").click()
    await dialog.getByRole("button", { name: "Mark completed" }).click()
    await dialog.getByRole("button", { name: "Yes, the work is done" }).click()
    await expect.poll(() => page.getByTestId("booking-page-status").innerText()).toBe("Completed")

    // The customer page lists it as a recent visit, not an upcoming one.
    await page.goto(`${inject("backendUrl")}/app/customers/${customer.customer.id}`)
    const past = page.getByTestId("customer-bookings-past")
    await past.getByTestId("customer-booking").first().waitFor()
    expect(await past.locator(`[data-booking-id="${later.id}"]`).count()).toBe(1)
    expect(await page.getByTestId("customer-bookings-upcoming").locator(`[data-booking-id="${later.id}"]`).count()).toBe(0)

    // The directory agrees: the visit finished early is the last one, and the one under way (its
    // completion undone) is the next, though it started first.
    await page.goto(`${inject("backendUrl")}/app/crm?${new URLSearchParams({ q: customer.email })}`)
    const row = page.getByTestId("crm-directory-row").filter({ hasText: customer.email })
    await row.waitFor()
    const day = (iso: string) => page.evaluate((value) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(new Date(value)), iso)
    expect(await row.getByTestId("crm-directory-row-last-visit").innerText()).toBe(await day(later.starts_at))
    expect(await row.getByTestId("crm-directory-row-next-visit").innerText()).toBe(await day(started.starts_at))
    await page.close()
  }, 300_000)

  it("links a guest booking to the customer it was for, found by its email", async () => {
    const guest = await insertBooking({ email: customer.email, starts_at: fromNow(5 * 24 * 60), service_title: "Carpet Cleaning" })
    const page = await signInToAdmin(browser)
    await page.goto(bookingUrl(guest.id))
    await page.getByTestId("booking-page").waitFor()
    expect(await page.getByTestId("booking-guest").innerText()).toBe(`A guest booking made with ${customer.email}, not linked to a customer.`)
    expect(await page.getByTestId("booking-link-customer-search").inputValue()).toBe(customer.email)

    const option = page.locator(`[data-testid="booking-link-customer-option"][data-customer-id="${customer.customer.id}"]`)
    await option.getByTestId("booking-link-customer-choose").click()
    const dialog = page.getByRole("alertdialog")
    await dialog.getByText(`Link booking ${guest.booking_number} to Petra Finish${suffix}?`).waitFor()
    await dialog.getByRole("button", { name: "Link booking" }).click()
    await expect.poll(() => page.getByTestId("booking-customer-link").innerText()).toBe(`Petra Finish${suffix}`)
    expect((await sql(`select customer_id from booking where id = $1`, [guest.id]))[0].customer_id).toBe(customer.customer.id)

    // Another customer can be searched for by name too.
    const other = await insertBooking({ email: uniqueEmail("someone.else"), starts_at: fromNow(6 * 24 * 60) })
    await page.goto(bookingUrl(other.id))
    await page.getByTestId("booking-link-customer-search").fill(`Finish${suffix}`)
    await option.waitFor()
    expect(await page.getByTestId("booking-link-customer-option").count()).toBe(1)

    // On the customer's page, the linked booking is one of their upcoming visits.
    await page.goto(`${inject("backendUrl")}/app/customers/${customer.customer.id}`)
    const upcoming = page.getByTestId("customer-bookings-upcoming")
    await upcoming.locator(`[data-booking-id="${guest.id}"]`).waitFor()
    await page.close()
  }, 300_000)
})
