import { randomUUID } from "node:crypto"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, signUpCustomer, TINY_PNG } from "../support/api"
import { createFieldworker, insertAttachment, insertBooking } from "../support/bookings"
import { launchBrowser, signInToAdmin } from "../support/browser"
import { sql } from "../support/db"

type Customer = Awaited<ReturnType<typeof signUpCustomer>>

let browser: Browser
let token: string
let customer: Customer
/** Keeps this run's fieldworkers apart from other tests' and earlier runs'. */
const suffix =
  randomUUID()
    .replace(/[^a-z]/g, "")
    .slice(0, 5) || "extra"
let booking: { id: string; booking_number: string; order_id: string }
let pastBooking: { id: string; booking_number: string }
let attachment: { filename: string; url: string }

beforeAll(async () => {
  browser = await launchBrowser()
  token = await adminToken()
  customer = await signUpCustomer({ first_name: "Evie", last_name: `Fairweather${suffix}` })

  // A real portal booking in Bristol (BS6), with an order.
  const service = (await api("/store/services/regular-home-clean")).body.service
  const [window] = (await api("/store/services/regular-home-clean/availability?days=28")).body.windows
  const placed = await api("/store/customers/me/bookings", {
    token: customer.token,
    body: {
      service_id: service.id,
      variant_id: service.variants[0].id,
      starts_at: window.starts_at,
      location: { address: { address_1: "3 Cotham Vale", city: "Bristol", postal_code: "BS6 6HR", country_code: "gb" } },
      instructions: "Please use the side door.",
    },
  })
  expect(placed.status, JSON.stringify(placed.body)).toBe(201)
  booking = placed.body.booking

  // The customer's photo of the job, stored through Medusa's File module and attached to the booking.
  const boundary = `----admin-bookings-${randomUUID()}`
  const filename = `boiler-${suffix}.png`
  const upload = await api("/admin/uploads", {
    token,
    raw: {
      contentType: `multipart/form-data; boundary=${boundary}`,
      data: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`),
        TINY_PNG,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    },
  })
  expect(upload.status, JSON.stringify(upload.body)).toBe(200)
  const attachmentId = await insertAttachment(booking.id, {
    filename,
    url: upload.body.files[0].url,
    file_id: upload.body.files[0].id,
    mime_type: "image/png",
    size_bytes: TINY_PNG.length,
  })
  // Staff see it through the booking's own route (files are never linked at their storage address).
  attachment = { filename, url: `/admin/bookings/${booking.id}/attachments/${attachmentId}` }

  // A visit last month, done.
  const lastMonth = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000)
  lastMonth.setUTCHours(10, 0, 0, 0)
  pastBooking = await insertBooking({
    email: customer.email,
    customer_id: customer.customer.id,
    status: "completed",
    starts_at: lastMonth.toISOString(),
    service_title: "Oven Cleaning",
  })
})

afterAll(async () => {
  await browser?.close()
})

/** The booking numbers the list shows once it has settled. */
async function listedNumbers(page: Page) {
  await page.locator('[data-testid="bookings-table"][aria-busy="false"]').waitFor()
  return page.getByTestId("booking-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-booking-number")))
}

const chooseOption = async (page: Page, trigger: string, option: string | RegExp) => {
  await page.getByTestId(trigger).click()
  await page.getByRole("option", { name: option }).click()
}

describe.sequential("Admin: bookings", () => {
  it("staff find a booking, assign a fieldworker, move it on, cancel it and see its photo", async () => {
    const bath = await createFieldworker(token, { name: `Bea Bath ${suffix}`, service_areas: ["BA"] })
    const bristol = await createFieldworker(token, { name: `Gwen Bristol ${suffix}`, service_areas: ["BS"] })
    const page = await signInToAdmin(browser)

    // Bookings is in the sidebar.
    await page.getByRole("link", { name: "Bookings", exact: true }).first().click()
    await page.getByTestId("bookings-page").waitFor()
    expect(await page.getByTestId("bookings-from").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/)

    // By booking number…
    await page.getByTestId("bookings-search").fill(booking.booking_number.slice(0, 9).toLowerCase())
    await expect.poll(() => page.url()).toContain(`q=${booking.booking_number.slice(0, 9).toLowerCase()}`)
    await expect.poll(() => listedNumbers(page)).toEqual([booking.booking_number])
    await page.getByTestId("bookings-search").fill("")

    // …by customer (Medusa's customer search), where the past visit needs "any date"…
    await page.getByTestId("bookings-customer-search").fill(`Fairweather${suffix}`)
    await page.getByTestId("bookings-customer-option").first().click()
    await expect.poll(() => page.getByTestId("bookings-customer-chosen").innerText()).toContain(`Evie Fairweather${suffix}`)
    await expect.poll(() => listedNumbers(page)).toEqual([booking.booking_number])
    await page.getByTestId("bookings-from").fill("")
    await expect.poll(() => listedNumbers(page)).toEqual([pastBooking.booking_number, booking.booking_number])

    // …and by status, several at once.
    // (The menu stays open while staff tick.)
    await page.getByTestId("bookings-status-filter").click()
    await page.getByTestId("bookings-status-completed").click()
    await expect.poll(() => listedNumbers(page)).toEqual([pastBooking.booking_number])
    await page.getByTestId("bookings-status-confirmed").click()
    await expect.poll(() => listedNumbers(page)).toEqual([pastBooking.booking_number, booking.booking_number])
    await page.keyboard.press("Escape")
    await page.getByRole("menu").waitFor({ state: "hidden" })
    expect(await page.getByTestId("bookings-status-filter").innerText()).toBe("Confirmed, Completed")
    // Latest first.
    await page.getByTestId("bookings-sort").click()
    await expect.poll(() => listedNumbers(page)).toEqual([booking.booking_number, pastBooking.booking_number])

    // Open the booking.
    await page.locator(`[data-testid="booking-row"][data-booking-id="${booking.id}"]`).click()
    await page.getByTestId("booking-page").waitFor()
    expect(await page.getByTestId("booking-heading").innerText()).toBe(`Booking ${booking.booking_number}`)
    expect(await page.getByTestId("booking-page-status").innerText()).toBe("Confirmed")
    expect(await page.getByTestId("booking-where").innerText()).toContain("BS6 6HR")
    expect(await page.getByTestId("booking-instructions").innerText()).toBe("Please use the side door.")
    expect(await page.getByTestId("booking-customer-link").innerText()).toBe(`Evie Fairweather${suffix}`)
    expect(await page.getByTestId("booking-customer-link").getAttribute("href")).toBe(`/app/customers/${customer.customer.id}`)
    expect(await page.getByTestId("booking-order-link").getAttribute("href")).toBe(`/app/orders/${booking.order_id}`)

    // The attachment: its name, and the picture itself loads.
    const photo = page.getByTestId("booking-attachment")
    expect(await photo.count()).toBe(1)
    expect(await photo.getByTestId("booking-attachment-name").innerText()).toBe(attachment.filename)
    expect(await photo.getByTestId("booking-attachment-link").getAttribute("href")).toBe(attachment.url)
    await expect.poll(() => photo.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1)

    // Bea covers Bath, not BS6: staff are asked, and assign her anyway.
    expect(await page.getByTestId("booking-fieldworker-none").isVisible()).toBe(true)
    await chooseOption(page, "booking-fieldworker-select", new RegExp(`^Bea Bath ${suffix}`))
    await page.getByTestId("booking-fieldworker-assign").click()
    await page.getByRole("alertdialog").getByText(`Bea Bath ${suffix} doesn't cover BS6 6HR (their areas: BA).`, { exact: false }).waitFor()
    await page.getByRole("button", { name: "Assign anyway" }).click()
    await expect.poll(() => page.getByTestId("booking-fieldworker-name").innerText()).toBe(`Bea Bath ${suffix}`)
    expect(await page.getByTestId("booking-fieldworker-outside").innerText()).toBe("BS6 6HR is outside their areas.")

    // Gwen covers Bristol: reassigned at once.
    await chooseOption(page, "booking-fieldworker-select", new RegExp(`^Gwen Bristol ${suffix}`))
    await page.getByTestId("booking-fieldworker-assign").click()
    await expect.poll(() => page.getByTestId("booking-fieldworker-name").innerText()).toBe(`Gwen Bristol ${suffix}`)
    expect(await page.getByTestId("booking-fieldworker-outside").count()).toBe(0)
    expect((await sql(`select fieldworker_id from booking where id = $1`, [booking.id]))[0].fieldworker_id).toBe(bristol.id)
    expect(bath.id).not.toBe(bristol.id)

    // In progress, then cancelled (after a confirmation with a reason).
    await page.getByTestId("booking-status-to-in_progress").click()
    await expect.poll(() => page.getByTestId("booking-page-status").innerText()).toBe("In progress")
    await page.getByTestId("booking-cancel").click()
    await page.getByTestId("booking-cancel-prompt").waitFor()
    await page.getByTestId("booking-cancel-keep").click()
    await page.getByTestId("booking-cancel-prompt").waitFor({ state: "hidden" })
    expect(await page.getByTestId("booking-page-status").innerText()).toBe("In progress")
    await page.getByTestId("booking-cancel").click()
    await page.getByTestId("booking-cancel-reason").fill("Boiler part not delivered")
    await page.getByTestId("booking-cancel-confirm").click()
    await expect.poll(() => page.getByTestId("booking-page-status").innerText()).toBe("Cancelled")
    expect(await page.getByTestId("booking-cancellation").innerText()).toContain("Boiler part not delivered")
    expect(await page.getByTestId("booking-status-actions").count()).toBe(0)
    const [row] = await sql(`select status, cancelled_by, cancellation_reason from booking where id = $1`, [booking.id])
    expect(row).toEqual({ status: "cancelled", cancelled_by: "staff", cancellation_reason: "Boiler part not delivered" })

    // Back to the list: the filters are as staff left them, and the row shows the change.
    await page.goBack()
    await page.getByTestId("bookings-page").waitFor()
    await page.getByTestId("bookings-status-filter").click()
    await page.getByTestId("bookings-status-cancelled").click()
    await page.keyboard.press("Escape")
    await page.getByRole("menu").waitFor({ state: "hidden" })
    const cancelledRow = page.locator(`[data-testid="booking-row"][data-booking-id="${booking.id}"]`)
    await expect.poll(() => cancelledRow.getByTestId("booking-status").innerText()).toBe("Cancelled")
    expect(await cancelledRow.getByTestId("booking-fieldworker").innerText()).toBe(`Gwen Bristol ${suffix}`)
    await page.close()
  }, 300_000)

  it("the customer page shows their upcoming and recent bookings, each linked, and opens the filtered list", async () => {
    const page = await signInToAdmin(browser)
    await page.goto(`${inject("backendUrl")}/app/customers/${customer.customer.id}`)
    const widget = page.getByTestId("customer-bookings")
    await widget.waitFor()
    const upcoming = widget.getByTestId("customer-bookings-upcoming")
    const past = widget.getByTestId("customer-bookings-past")
    // The two lists load separately: wait for each before reading it. The visit cancelled for next
    // week is no longer upcoming: it is with the completed one, latest first.
    await past.getByTestId("customer-booking").first().waitFor()
    await expect.poll(() => upcoming.innerText()).toContain("No upcoming visits.")
    expect(await past.getByTestId("customer-booking").evaluateAll((links) => links.map((link) => link.getAttribute("data-booking-id")))).toEqual([
      booking.id,
      pastBooking.id,
    ])
    expect(await past.getByTestId("customer-booking-status").allInnerTexts()).toEqual(["Cancelled", "Completed"])
    expect(await past.getByTestId("customer-booking").nth(1).innerText()).toContain("Oven Cleaning")

    // A booking opens its page.
    await past.getByTestId("customer-booking").nth(1).click()
    await page.getByTestId("booking-page").waitFor()
    expect(await page.getByTestId("booking-heading").innerText()).toBe(`Booking ${pastBooking.booking_number}`)

    // "All bookings": the list, for this customer, any date.
    await page.goBack()
    await widget.getByTestId("customer-bookings-all").click()
    await page.getByTestId("bookings-page").waitFor()
    await expect.poll(() => page.getByTestId("bookings-customer-chosen").innerText()).toContain(`Evie Fairweather${suffix}`)
    await expect.poll(() => listedNumbers(page)).toEqual([pastBooking.booking_number, booking.booking_number])
    expect(await page.getByTestId("bookings-from").inputValue()).toBe("")
    await page.close()
  }, 300_000)

  it("Settings → Fieldworkers adds, edits and removes a fieldworker, with the API's reason when a save is refused", async () => {
    const page = await signInToAdmin(browser)
    await page.goto(`${inject("backendUrl")}/app/settings/fieldworkers`)
    await page.getByTestId("fieldworkers-settings-page").waitFor()
    // The demo team is listed.
    await page.getByTestId("fieldworker-row").first().waitFor()
    expect(await page.getByTestId("fieldworker-name").allInnerTexts()).toEqual(expect.arrayContaining(["Grace Adeyemi", "Tom Whitfield"]))

    const name = `Nia Newcomer ${suffix}`
    const email = `nia.${suffix}@crew.example.test`
    await page.getByTestId("fieldworker-add").click()
    await page.getByTestId("fieldworker-drawer").waitFor()
    await page.getByTestId("fieldworker-field-name").fill(name)
    await page.getByTestId("fieldworker-field-email").fill("not an email")
    await page.getByTestId("fieldworker-field-phone").fill("+44 7700 900488")
    await page.getByTestId("fieldworker-field-service_areas").fill("bs6, BA1")
    await page.getByTestId("fieldworker-save").click()
    // Each refusal once, beside its field, in the form's words: no banner, no toast.
    await expect.poll(() => page.getByTestId("fieldworker-field-email-error").innerText()).toBe("Email must be a valid email address.")
    expect(await page.getByTestId("fieldworker-error").count()).toBe(0)
    expect(await page.locator("[data-sonner-toast]").filter({ hasText: "valid email" }).count()).toBe(0)
    await page.getByTestId("fieldworker-field-email").fill(email)
    await page.getByTestId("fieldworker-field-service_areas").fill("bs6, Bath")
    await page.getByTestId("fieldworker-save").click()
    await expect
      .poll(() => page.getByTestId("fieldworker-field-service_areas-error").innerText())
      .toBe("“Bath”: each area must be a postcode area or district such as BS or BS6.")
    expect(await page.getByTestId("fieldworker-field-email-error").count()).toBe(0)
    await page.getByTestId("fieldworker-field-service_areas").fill("bs6, BA1")
    await page.getByTestId("fieldworker-save").click()
    await page.getByTestId("fieldworker-drawer").waitFor({ state: "hidden" })

    await page.getByTestId("fieldworkers-search").fill(`nia.${suffix}`)
    const row = page.getByTestId("fieldworker-row")
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.getByTestId("fieldworker-areas").innerText()).toBe("BS6, BA1")
    expect(await row.getByTestId("fieldworker-active").innerText()).toBe("Active")
    const [created] = await sql<{ id: string; email: string; phone: string }>(
      `select id, email, phone from fieldworker where email = $1 and deleted_at is null`,
      [email]
    )
    expect(created).toMatchObject({ email, phone: "+44 7700 900488" })

    // Edit: a new name, and off the rota for now.
    await row.getByTestId("fieldworker-edit").click()
    await page.getByTestId("fieldworker-drawer").waitFor()
    expect(await page.getByTestId("fieldworker-field-name").inputValue()).toBe(name)
    await page.getByTestId("fieldworker-field-name").fill(`Nia Newman ${suffix}`)
    await page.getByTestId("fieldworker-field-active").click()
    await page.getByTestId("fieldworker-save").click()
    await page.getByTestId("fieldworker-drawer").waitFor({ state: "hidden" })
    await expect.poll(() => row.getByTestId("fieldworker-name").innerText()).toBe(`Nia Newman ${suffix}`)
    expect(await row.getByTestId("fieldworker-active").innerText()).toBe("Inactive")
    const saved = await api(`/admin/fieldworkers/${created.id}`, { token })
    expect(saved.body.fieldworker).toMatchObject({ name: `Nia Newman ${suffix}`, active: false, service_areas: ["BS6", "BA1"] })

    // Give her a future visit, then remove her: asked twice, and the visit becomes unassigned.
    await api(`/admin/fieldworkers/${created.id}`, { token, body: { active: true } })
    const visit = await insertBooking({
      email: customer.email,
      customer_id: customer.customer.id,
      starts_at: "2032-04-05T09:00:00Z",
      fieldworker_id: created.id,
    })
    await page.reload()
    // The list is loaded (and the page's scripts running) before typing, or the search box is reset under the typing.
    await row.first().waitFor()
    await page.getByTestId("fieldworkers-search").fill(`nia.${suffix}`)
    await expect.poll(() => row.count()).toBe(1)
    await row.getByTestId("fieldworker-remove").click()
    await page.getByRole("button", { name: "Remove", exact: true }).click()
    await page.getByRole("alertdialog").getByText("has 1 upcoming booking", { exact: false }).waitFor()
    await page.getByRole("button", { name: "Remove and unassign" }).click()
    await expect.poll(() => page.getByTestId("fieldworkers-message").innerText()).toBe("No fieldworkers match.")
    expect((await sql(`select fieldworker_id from booking where id = $1`, [visit.id]))[0].fieldworker_id).toBeNull()
    expect((await api(`/admin/fieldworkers/${created.id}`, { token })).status).toBe(404)
    await page.close()
  }, 300_000)
})
