import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { api, fileUpload, signUpCustomer, TINY_PNG } from "../support/api"
import { continueToReview, launchBrowser, signInToPortal } from "../support/browser"
import { bookSomething } from "../support/customer-records"

/*
 * Every portal page at a phone's width: none may scroll sideways. The customer's values are long on
 * purpose (a long email, street, business name, file name), as real ones sometimes are.
 */

const WIDTHS = [320, 390]
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const LONG_STREET = "Flat 14b, The Old Bakery Buildings, 221 Northumberland Crescent"
const portalUrl = () => inject("portalUrl")

/** The pages a person at this width would have to scroll sideways to read. */
async function sidewaysScroll(page: Page, path: string) {
  const response = await page.goto(`${portalUrl()}${path}`)
  expect(response?.status(), `${path} answered ${response?.status()}`).toBeLessThan(500)
  const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
    const root = document.documentElement
    let widest = ""
    for (const element of Array.from(document.querySelectorAll("body *"))) {
      if (element.getBoundingClientRect().right > root.clientWidth + 1) {
        widest = `${element.tagName.toLowerCase()}.${element.className} "${(element.textContent ?? "").trim().slice(0, 40)}"`
        break
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest }
  })
  return scrollWidth > clientWidth ? [`${path} is ${scrollWidth} px wide at ${clientWidth} px (${widest})`] : []
}

async function sweep(context: BrowserContext, paths: string[]) {
  const page = await context.newPage()
  const problems: string[] = []
  for (const path of paths) problems.push(...(await sidewaysScroll(page, path)))
  await page.close()
  return problems
}

async function signedIn(width: number, email: string, password: string) {
  const context = await browser.newContext({ viewport: { width, height: 844 }, javaScriptEnabled: width !== 320 })
  const page = await context.newPage()
  await signInToPortal(page, email, password)
  await page.close()
  return context
}

/** A customer whose every value is as long as a real one can be. */
async function longValuedCustomer() {
  const customer = await signUpCustomer({
    first_name: "Maximiliana-Josephine",
    last_name: "Fotheringham-Worthington",
    email: `maximiliana.fotheringham-worthington.${Date.now()}@longest-lettings-and-property-management.example.test`,
  })
  const token = customer.token
  const bristol = { city: "Bristol", postal_code: "BS6 6PG", country_code: "gb" }
  const addresses = (
    await api("/store/customers/me/addresses", { token, body: { ...bristol, address_1: LONG_STREET, address_name: "The holiday let by the harbour" } })
  ).body.customer.addresses as { id: string }[]
  const contact = (
    await api("/store/customers/me/additional-contacts", {
      token,
      body: { name: "Bartholomew Featherstonehaugh-Cholmondeley", role: "Tenant", emails: ["bartholomew.featherstonehaugh@tenants.example.test"], phones: [] },
    })
  ).body.additional_contact
  const business = (
    await api("/store/customers/me/business-profiles", {
      token,
      body: {
        name: "Fotheringham-Worthington Residential Lettings & Property Management Ltd",
        billing_email: "accounts-payable@longest-lettings.example.test",
        ...bristol,
        address_1: LONG_STREET,
      },
    })
  ).body.business_profile
  const { booking } = await bookSomething(token, "regular-home-clean", { address_id: addresses[0].id })
  await api(`/store/customers/me/bookings/${booking.id}/attachments`, {
    token,
    raw: fileUpload({ name: "before-photos-of-the-kitchen-and-utility-room-taken-on-arrival.png", type: "image/png", data: TINY_PNG }),
  })
  return { ...customer, addressId: addresses[0].id, contactId: contact.id, businessId: business.id, booking }
}

describe("the portal at a phone's width", () => {
  let customer: Awaited<ReturnType<typeof longValuedCustomer>>
  beforeAll(async () => {
    customer = await longValuedCustomer()
  })

  for (const width of WIDTHS) {
    it(`never scrolls sideways at ${width} px signed out, or with a booking number`, async () => {
      const signedOut = await browser.newContext({ viewport: { width, height: 844 } })
      const problems = await sweep(signedOut, [
        "/",
        "/services",
        "/services/regular-home-clean",
        "/sign-in",
        "/sign-up",
        "/forgot-password",
        "/reset-password?token=not-a-token",
        "/check-email",
        "/sign-in-link",
        "/booking-sign-in",
        "/verify-email?token=not-a-token",
        "/accept-invite?token=not-a-token",
        "/support",
        "/no-such-page",
      ])
      // A booking-number session sees that email's bookings.
      const page = await signedOut.newPage()
      await page.goto(`${portalUrl()}/booking-sign-in`)
      await page.getByLabel("Email").fill(customer.email)
      await page.getByLabel("Booking number").fill(customer.booking.booking_number)
      await page.getByRole("button", { name: "Sign in" }).click()
      await page.waitForURL("**/my-booking")
      problems.push(...(await sidewaysScroll(page, "/my-booking")))
      await signedOut.close()
      expect(problems).toEqual([])
    }, 120_000)

    it(`never scrolls sideways at ${width} px on My account and My bookings`, async () => {
      const context = await signedIn(width, customer.email, customer.password)
      const bookingPath = `/bookings/${customer.booking.id}`
      const problems = await sweep(context, [
        "/account",
        "/account/edit",
        "/account/picture",
        "/account/billing-address",
        "/account/locations/new",
        `/account/locations/${customer.addressId}`,
        "/account/contacts/new",
        `/account/contacts/${customer.contactId}`,
        "/account/business-profiles/new",
        `/account/business-profiles/${customer.businessId}`,
        "/account/dependents/new",
        "/account/payments",
        "/account/payments/add",
        "/account/data-export",
        "/invoices/statement",
        "/invoices/statement?from=2026-02-30&to=2020-01-01",
        "/invoices",
        "/invoices?view=overdue",
        "/invoices?view=paid",
        "/invoices?view=all",
        "/bookings",
        "/bookings?when=past",
        "/complaints",
        "/complaints/new",
        bookingPath,
        `${bookingPath}/confirmed`,
        `${bookingPath}/contact`,
        `${bookingPath}/notes`,
        `${bookingPath}/reschedule`,
        `${bookingPath}/cancel`,
        `${bookingPath}/rate`,
      ])
      await context.close()
      expect(problems).toEqual([])
    }, 120_000)

    it(`never scrolls sideways at ${width} px through the booking steps`, async () => {
      const context = await signedIn(width, customer.email, customer.password)
      const problems = await sweep(context, ["/book"])
      const flow = await context.newPage()
      await flow.goto(`${portalUrl()}/book/regular-home-clean`)
      const here = () => new URL(flow.url()).pathname + new URL(flow.url()).search
      await continueToReview(flow, async (step) => {
        problems.push(...(await sidewaysScroll(flow, here())))
        if (step === "instructions") await flow.getByLabel(/Instructions for our team/).fill("Key is in the key safe by the side gate; the code is 4471.")
      })
      await context.close()
      expect(problems).toEqual([])
    }, 120_000)
  }

  it("offers every 'Add a …' on My account as the same kind of button", async () => {
    const demo = inject("demo")
    const context = await signedIn(1280, demo.customerEmail, demo.customerPassword)
    const page = await context.newPage()
    await page.goto(`${portalUrl()}/account`)
    const adds = page.getByRole("main").getByRole("link", { name: /^Add (a|an) (?!picture)/ })
    const labels = await adds.allInnerTexts()
    expect(labels).toEqual(expect.arrayContaining(["Add a location", "Add a contact", "Add a business profile", "Add a pet"]))
    const classes = await adds.evaluateAll((links) => links.map((link) => link.className))
    expect(new Set(classes)).toEqual(new Set(["button button--secondary"]))
    await context.close()
  })

  it("folds the menu into one button on a phone and opens it without JavaScript", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${portalUrl()}/services`)
    const menu = page.getByRole("navigation", { name: "Main" })
    expect(await menu.getByRole("link", { name: "Support" }).isVisible()).toBe(false)
    const header = await page.locator(".site-header").boundingBox()
    expect(header!.height).toBeLessThan(100)
    await page.getByText("Menu", { exact: true }).click()
    await menu.getByRole("link", { name: "Support" }).click()
    await page.waitForURL("**/support")
    await context.close()

    // At a desktop width the whole menu is one row beside the name, signed in too.
    const demo = inject("demo")
    const wide = await signedIn(1280, demo.customerEmail, demo.customerPassword)
    const desk = await wide.newPage()
    await desk.goto(`${portalUrl()}/services`)
    expect(await desk.getByText("Menu", { exact: true }).isVisible()).toBe(false)
    const links = desk.getByRole("navigation", { name: "Main" }).getByRole("listitem")
    expect(await links.count()).toBe(10)
    const tops = new Set<number>()
    for (const box of await Promise.all((await links.all()).map((link) => link.boundingBox()))) tops.add(Math.round(box!.y))
    expect(tops.size).toBe(1)
    await wide.close()
  })
})
