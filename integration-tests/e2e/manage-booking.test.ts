import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, signUpCustomer, TINY_PNG } from "../support/api"
import { chooseTime, launchBrowser, signInToAdmin, signInToPortal } from "../support/browser"
import { sql } from "../support/db"

type Customer = Awaited<ReturnType<typeof signUpCustomer>>

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const bristol = { address_1: "31 Cotham Brow", city: "Bristol", postal_code: "BS6 6AS", country_code: "gb" }

/** A booking made through the API (the booking steps have their own tests), in a window other files leave alone. */
async function bookGutters(customer: Customer) {
  const service = (await api("/store/services/gutter-clearing")).body.service
  const windows = ((await api("/store/services/gutter-clearing/availability?days=28")).body.windows as { starts_at: string }[]).slice(8)
  for (const window of windows.sort(() => Math.random() - 0.5)) {
    const placed = await api("/store/customers/me/bookings", {
      token: customer.token,
      body: { service_id: service.id, variant_id: service.variants[0].id, starts_at: window.starts_at, location: { address: bristol } },
    })
    if (placed.status === 201) return placed.body.booking as { id: string; booking_number: string; starts_at: string }
  }
  throw new Error("no free gutter clearing window")
}

async function signIn(page: Page, customer: Customer) {
  await signInToPortal(page, customer.email, customer.password)
}

async function openBooking(customer: Customer, id: string, options: { javaScriptEnabled: boolean } = { javaScriptEnabled: false }) {
  const page = await browser.newPage(options)
  await signIn(page, customer)
  await page.goto(`${inject("portalUrl")}/bookings/${id}`)
  await page.getByTestId("booking-overview").waitFor()
  return page
}

describe("the booking overview in the portal", () => {
  it("edits the job notes and the contact details, and adds and removes photos, all without JavaScript", async () => {
    const customer = await signUpCustomer({ first_name: "Nora", last_name: "Notes" })
    const booking = await bookGutters(customer)
    const page = await openBooking(customer, booking.id)

    expect(await page.getByTestId("booking-instructions").innerText()).toBe("None")
    expect(await page.getByTestId("attachments-empty").innerText()).toContain("No photos or documents yet")
    // Without JavaScript there is no map, only the address.
    expect(await page.getByTestId("booking-location").innerText()).toContain("31 Cotham Brow, Bristol, BS6 6AS")
    expect(await page.getByTestId("booking-map").getAttribute("data-state")).toBe("static")
    expect(await page.locator(".booking-map__canvas").isVisible()).toBe(false)

    // Job notes.
    await page.getByRole("link", { name: "Add job notes" }).click()
    await page.getByLabel("Instructions for our team").fill("Ladder access is through the side gate.\nDog is friendly.")
    await page.getByRole("button", { name: "Save notes" }).click()
    await page.getByTestId("booking-overview").waitFor()
    expect(await page.getByTestId("booking-done").innerText()).toContain("notes for our team were saved")
    expect(await page.getByTestId("booking-instructions").innerText()).toBe("Ladder access is through the side gate.\nDog is friendly.")

    // Contact details: a bad email is refused with the values kept, then saved.
    await page.getByRole("link", { name: "Edit contact details" }).click()
    await page.getByLabel("Name").fill("Ned Neighbour")
    await page.getByLabel("Email").fill("ned@")
    await page.getByLabel("Phone (optional)").fill("0117 496 0777")
    await page.getByRole("button", { name: "Save contact details" }).click()
    expect(await page.locator("#email-error").innerText()).toContain("Enter an email address like name@example.com")
    expect(await page.getByLabel("Name").inputValue()).toBe("Ned Neighbour")
    await page.getByLabel("Email").fill("ned@example.com")
    await page.getByRole("button", { name: "Save contact details" }).click()
    await page.getByTestId("booking-overview").waitFor()
    expect(await page.getByTestId("booking-contact").innerText()).toBe("Ned Neighbour, ned@example.com, 0117 496 0777")

    // A text file dressed as a photo is refused by its content.
    const upload = page.getByLabel("Add a photo or document")
    await upload.setInputFiles({ name: "gutter.png", mimeType: "image/png", buffer: Buffer.from("not really a picture") })
    await page.getByRole("button", { name: "Add file" }).click()
    expect(await page.getByRole("alert").innerText()).toContain("not a photo or a PDF")
    // A photo and a PDF.
    await page.getByLabel("Add a photo or document").setInputFiles({ name: "blocked gutter.png", mimeType: "image/png", buffer: TINY_PNG })
    await page.getByRole("button", { name: "Add file" }).click()
    await page.getByTestId("booking-done").waitFor()
    await page
      .getByLabel("Add a photo or document")
      .setInputFiles({ name: "survey.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") })
    await page.getByRole("button", { name: "Add file" }).click()
    await page.getByTestId("booking-done").waitFor()
    const files = page.getByTestId("attachment")
    expect(await files.getByTestId("attachment-name").allInnerTexts()).toEqual(["blocked gutter.png", "survey.pdf"])
    // The photo is shown as a thumbnail, passed through by the portal from private storage.
    expect(await files.first().locator("img").getAttribute("src")).toMatch(/^\/files\/bookings\//)
    const thumbnail = files.first().locator("img")
    expect(await thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)

    await files.filter({ hasText: "blocked gutter.png" }).getByRole("button", { name: "Remove" }).click()
    await page.getByTestId("booking-done").waitFor()
    expect(await page.getByTestId("booking-done").innerText()).toContain("The file was removed")
    expect(await files.getByTestId("attachment-name").allInnerTexts()).toEqual(["survey.pdf"])
    await page.close()
  })

  it("empties the file picker after a photo is added, keeps the message in view on a phone, and refuses the same file twice", async () => {
    const customer = await signUpCustomer({ first_name: "Dupe", last_name: "Uploader" })
    const booking = await bookGutters(customer)
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await signIn(page, customer)
    await page.goto(`${inject("portalUrl")}/bookings/${booking.id}`)
    await page.getByTestId("booking-overview").waitFor()

    const photo = { name: "gutter before.png", mimeType: "image/png", buffer: TINY_PNG }
    await page.getByLabel("Add a photo or document").setInputFiles(photo)
    await page.getByRole("button", { name: "Add file" }).click()
    const done = page.getByTestId("booking-done")
    await done.waitFor()
    expect(await done.innerText()).toContain("Your file was added to the booking.")
    // The message sits with the files, on screen where the page lands.
    expect(await done.isVisible()).toBe(true)
    expect(await done.evaluate((element) => element.closest("#files") !== null)).toBe(true)
    const box = (await done.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y + box.height).toBeLessThanOrEqual(844)
    // The picker is empty again: pressing Add does not send the photo a second time.
    expect(await page.getByLabel("Add a photo or document").evaluate((input: HTMLInputElement) => input.files?.length ?? 0)).toBe(0)
    await page.getByRole("button", { name: "Add file" }).click()
    expect(await page.getByTestId("attachment").count()).toBe(1)

    // The same file chosen again, under another name, is refused.
    await page.getByLabel("Add a photo or document").setInputFiles({ ...photo, name: "gutter again.png" })
    await page.getByRole("button", { name: "Add file" }).click()
    await expect
      .poll(() => page.getByRole("alert").allInnerTexts())
      .toContainEqual(expect.stringContaining("This file is already on the booking, as “gutter before.png”."))
    expect(await page.getByTestId("attachment").count()).toBe(1)
    const stored = (await api(`/store/customers/me/bookings/${booking.id}`, { token: customer.token })).body.booking.attachments
    expect(stored).toHaveLength(1)
    await page.close()
  })

  it("shows the location on an OpenStreetMap map when the tiles load, and the address alone when they can't", async () => {
    const customer = await signUpCustomer({ first_name: "Mae", last_name: "Mapper" })
    const booking = await bookGutters(customer)

    // Tiles served (here by the test, as the machine has no internet): Leaflet draws the map around Bristol.
    const online = await browser.newPage()
    await online.route("https://tile.openstreetmap.org/**", (route) => route.fulfill({ status: 200, contentType: "image/png", body: TINY_PNG }))
    await signIn(online, customer)
    await online.goto(`${inject("portalUrl")}/bookings/${booking.id}`)
    const map = online.getByTestId("booking-map")
    await expect.poll(() => map.getAttribute("data-state"), { timeout: 15_000 }).toBe("ready")
    expect(await online.locator(".leaflet-container .leaflet-tile-loaded").count()).toBeGreaterThan(0)
    expect(await map.innerText()).toContain("The circle shows the BS postcode area (Bristol), not your exact address.")
    await online.close()

    // Tiles unreachable: the map gives way and the address stays.
    const offline = await browser.newPage()
    await offline.route("https://tile.openstreetmap.org/**", (route) => route.abort("internetdisconnected"))
    await signIn(offline, customer)
    await offline.goto(`${inject("portalUrl")}/bookings/${booking.id}`)
    await offline.getByTestId("booking-map-unavailable").waitFor({ timeout: 15_000 })
    expect(await offline.getByTestId("booking-map-unavailable").innerText()).toContain("The map couldn’t load")
    expect(await offline.locator(".booking-map__canvas").isVisible()).toBe(false)
    expect(await offline.getByTestId("booking-location").innerText()).toContain("31 Cotham Brow")
    await offline.close()
  })

  it("explains, instead of offering, cancelling or rescheduling inside the cut-off, and hides other customers' bookings", async () => {
    const customer = await signUpCustomer({ first_name: "Lou", last_name: "Late" })
    const booking = await bookGutters(customer)
    // The visit is now three hours away: inside the 24-hour cut-off.
    await sql(`update booking set starts_at = now() + interval '3 hours', ends_at = now() + interval '5 hours' where id = $1`, [booking.id])
    const page = await openBooking(customer, booking.id)

    const changes = page.getByTestId("booking-changes")
    // No way to change it here: only the office, as links to call or email.
    expect(await changes.getByRole("link", { name: /Reschedule|Cancel/ }).count()).toBe(0)
    expect(await page.getByTestId("reschedule-refusal").getByRole("link", { name: "office@brightside.example" }).getAttribute("href")).toBe(
      "mailto:office@brightside.example"
    )
    expect(await page.getByTestId("reschedule-refusal").innerText()).toMatch(
      /Bookings can be rescheduled online until 24 hours before the arrival window, and that time has passed for this visit\. To move it, please .*email office@brightside\.example\./
    )
    expect(await page.getByTestId("cancel-refusal").innerText()).toMatch(/Bookings can be cancelled online until 24 hours before/)
    // Notes can still change until the visit.
    expect(await page.getByRole("link", { name: "Add job notes" }).count()).toBe(1)

    // Going to the pages directly explains the same, without a form.
    await page.goto(`${inject("portalUrl")}/bookings/${booking.id}/cancel`)
    expect(await page.getByTestId("cancel-refused").innerText()).toMatch(/cancelled online until 24 hours before/)
    expect(await page.getByRole("button", { name: "Cancel booking" }).count()).toBe(0)
    await page.goto(`${inject("portalUrl")}/bookings/${booking.id}/reschedule`)
    expect(await page.getByTestId("reschedule-refused").innerText()).toMatch(/rescheduled online until 24 hours before/)
    expect(await page.locator('input[name="starts_at"]').count()).toBe(0)
    await page.close()

    // Someone else gets "not found" on every page of it.
    const other = await signUpCustomer({ first_name: "Otto", last_name: "Other" })
    const otherPage = await browser.newPage({ javaScriptEnabled: false })
    await signIn(otherPage, other)
    for (const suffix of ["", "/contact", "/notes", "/cancel", "/reschedule"]) {
      const response = await otherPage.goto(`${inject("portalUrl")}/bookings/${booking.id}${suffix}`)
      expect(response?.status(), suffix).toBe(404)
    }
    await otherPage.close()
  })
})

describe("a booking-number session in the portal", () => {
  it("opens a booking from My booking, moves it and cancels it without JavaScript; details and files ask for a full account", async () => {
    const customer = await signUpCustomer({ first_name: "Nell", last_name: "Number" })
    const booking = await bookGutters(customer)
    const other = await bookGutters(await signUpCustomer({ first_name: "Ollie", last_name: "Other" }))
    const page = await browser.newPage({ javaScriptEnabled: false })
    await page.goto(`${inject("portalUrl")}/booking-sign-in`)
    await page.getByLabel("Email").fill(customer.email)
    await page.getByLabel("Booking number").fill(booking.booking_number)
    await page.getByRole("button", { name: "Sign in" }).click()
    await page.waitForURL("**/my-booking")

    const row = page.getByTestId("booking-row").filter({ hasText: booking.booking_number })
    const listed = await row.locator("time").innerText()
    await row.getByRole("link", { name: "Gutter Clearing" }).click()
    await page.getByTestId("booking-overview").waitFor()
    // The same arrival window as on My booking; the way back is My booking.
    expect(await page.getByTestId("booking-when").innerText()).toBe(listed)
    expect(await page.getByTestId("booking-overview").getByRole("link", { name: "My booking", exact: true }).getAttribute("href")).toBe("/my-booking")
    expect(await page.getByTestId("needs-full-account").innerText()).toContain("create a full account")
    expect(await page.getByRole("link", { name: "Edit contact details" }).count()).toBe(0)
    expect(await page.getByLabel("Add a photo or document").count()).toBe(0)

    await page.getByTestId("booking-changes").getByRole("link", { name: "Reschedule" }).click()
    await page.getByTestId("reschedule-booking").waitFor()
    const newStart = await chooseTime(page, 1)
    await page.getByRole("button", { name: "Move my visit" }).click()
    await page.getByTestId("booking-overview").waitFor()
    expect(await page.getByTestId("booking-done").innerText()).toContain("Your visit has moved to the new time")
    expect((await api(`/store/customers/me/bookings/${booking.id}`, { token: customer.token })).body.booking.starts_at).toBe(newStart)

    await page.getByTestId("booking-changes").getByRole("link", { name: "Cancel booking" }).click()
    await page.getByTestId("cancel-booking").waitFor()
    await page.getByRole("button", { name: "Cancel booking" }).click()
    await page.getByTestId("booking-cancelled").waitFor()
    expect((await api(`/store/customers/me/bookings/${booking.id}`, { token: customer.token })).body.booking.status).toBe("cancelled")

    // Job notes need a full account: back to My booking, told why.
    await page.goto(`${inject("portalUrl")}/bookings/${booking.id}/notes`)
    expect(new URL(page.url()).pathname).toBe("/my-booking")
    expect(await page.getByTestId("needs-account").innerText()).toContain("That page needs a full account")
    // Another email's booking is not found on every page the session may use.
    for (const suffix of ["", "/cancel", "/reschedule"]) {
      const response = await page.goto(`${inject("portalUrl")}/bookings/${other.id}${suffix}`)
      expect(response?.status(), suffix).toBe(404)
    }
    await page.close()
  })
})

describe("the business's rules, set in the admin", () => {
  it("lets staff change the cut-off, the fee and refund rules and the office's phone and email, which the portal then states and links", async () => {
    const admin = await adminToken()
    const before = (await api("/admin/portal/settings", { token: admin })).body.settings
    const customer = await signUpCustomer({ first_name: "Rhea", last_name: "Rules" })
    const booking = await bookGutters(customer)
    const page = await signInToAdmin(browser)
    try {
      await page.goto(`${inject("backendUrl")}/app/settings/customer-portal`)
      const section = page.getByTestId("booking-changes-settings")
      await section.getByLabel("Office phone").waitFor()

      // A cut-off that isn't whole hours is refused before anything is sent.
      await section.getByLabel("Cancel online until (hours before the arrival window)").fill("two days")
      await section.getByTestId("booking-changes-save").click()
      expect(await section.getByTestId("booking-changes-error").innerText()).toContain("whole hours from 0 to 720")

      await section.getByLabel("Cancel online until (hours before the arrival window)").fill("24")
      await section.getByLabel("Reschedule online until (hours before the arrival window)").fill("48")
      await section.getByLabel("Fees and refunds, as customers read them").fill("Free until the cut-off. After it, a £20 call-out fee applies.")
      await section.getByLabel("Office phone").fill("0117 496 0999")
      await section.getByLabel("Office email").fill("Bookings@Brightside.example")
      const saved = page.waitForResponse((r) => r.url().endsWith("/admin/portal/settings") && r.request().method() === "POST")
      await section.getByTestId("booking-changes-save").click()
      expect((await saved).status()).toBe(200)
      expect((await api("/admin/portal/settings", { token: admin })).body.settings).toMatchObject({
        reschedule_cutoff_hours: 48,
        cancellation_policy: "Free until the cut-off. After it, a £20 call-out fee applies.",
        office_phone: "0117 496 0999",
        office_email: "bookings@brightside.example",
      })

      const portal = await openBooking(customer, booking.id)
      expect(await portal.getByTestId("booking-changes").innerText()).toContain("(48 hours before the arrival window)")
      expect(await portal.getByTestId("booking-policy").innerText()).toBe("Free until the cut-off. After it, a £20 call-out fee applies.")
      await portal.goto(`${inject("portalUrl")}/bookings/${booking.id}/cancel`)
      const policy = await portal.getByTestId("cancel-policy").innerText()
      expect(policy).toContain("a £20 call-out fee applies")
      expect(policy).toContain("call us on 0117 496 0999 or email bookings@brightside.example")
      expect(await portal.getByTestId("cancel-policy").getByRole("link", { name: "0117 496 0999" }).getAttribute("href")).toBe("tel:01174960999")

      // The footer of every page, and Support, give the same ways to reach the office, as links.
      await portal.goto(`${inject("portalUrl")}/support`)
      for (const place of [portal.getByTestId("site-footer"), portal.getByTestId("support-contact")]) {
        expect(await place.getByRole("link", { name: "0117 496 0999" }).getAttribute("href")).toBe("tel:01174960999")
        expect(await place.getByRole("link", { name: "bookings@brightside.example" }).getAttribute("href")).toBe("mailto:bookings@brightside.example")
      }
      await portal.close()
    } finally {
      await page.close()
      const { cancellation_cutoff_hours, reschedule_cutoff_hours, cancellation_policy, office_phone, office_email } = before
      await api("/admin/portal/settings", {
        token: admin,
        body: { cancellation_cutoff_hours, reschedule_cutoff_hours, cancellation_policy, office_phone, office_email },
      })
    }
  }, 300_000)
})
