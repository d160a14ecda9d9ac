import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { api, demoCustomerToken, signUpCustomer } from "../support/api"
import { chooseOption, chooseTime, continueToReview, launchBrowser, signInToPortal } from "../support/browser"
import { bookSomething } from "../support/customer-records"
import { sql } from "../support/db"
import { saveCard, TEST_CARDS } from "../support/stripe"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Every page without JavaScript: each step must work as a plain HTML form. */
async function signedInPage(email: string, password: string) {
  const page = await browser.newPage({ javaScriptEnabled: false })
  await signInToPortal(page, email, password)
  return page
}

const nav = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true })

/** Presses Continue on `step` and waits for the next one. */
async function continueFrom(page: Page, step: string, next: string) {
  await page.getByTestId(`booking-step-${step}`).waitFor()
  await page.getByRole("button", { name: "Continue" }).click()
  await page.getByTestId(`booking-step-${next}`).waitFor()
}

async function addLocation(token: string, location: Record<string, string>) {
  const created = await api("/store/customers/me/addresses", { token, body: { country_code: "gb", ...location } })
  expect(created.status, JSON.stringify(created.body)).toBe(200)
}

describe("booking a service in the portal", () => {
  it("lets the demo customer book with her saved details by choosing an option and a time, then find it in My bookings", async () => {
    const demo = inject("demo")
    // She has a saved card (Stripe, here the local fake); her default card is the one chosen for her.
    const demoToken = await demoCustomerToken()
    if (!(await api("/store/customers/me/saved-cards", { token: demoToken })).body.saved_cards.length) await saveCard(demoToken)
    const defaultCard = (await api("/store/customers/me/saved-cards", { token: demoToken })).body.saved_cards.find(
      (card: { is_default: boolean }) => card.is_default
    )
    const page = await signedInPage(demo.customerEmail, demo.customerPassword)

    await nav(page, "Services").click()
    await page.getByRole("heading", { name: "All services" }).waitFor()
    await page.getByRole("link", { name: "Regular Home Clean" }).click()
    await page.getByRole("heading", { name: "Regular Home Clean" }).waitFor()
    expect(await page.getByTestId("service-options").innerText()).toMatch(/3 bedrooms\s+£85\.00/)
    expect(await page.getByTestId("service-arrival").innerText()).toBe("You choose a 2-hour arrival window; we arrive within it.")
    await page.getByRole("link", { name: "Schedule an appointment" }).click()

    // Nothing that costs money or time is chosen for her: the options cheapest first, none ticked.
    await page.getByTestId("booking-step-option").waitFor()
    const options = page.locator('input[name="variant_id"]')
    expect(await page.locator('input[name="variant_id"]:checked').count()).toBe(0)
    expect(await page.getByTestId("booking-step-option").locator("label").allInnerTexts()).toEqual([
      "1–2 bedrooms · £65.00",
      "3 bedrooms · £85.00",
      "4+ bedrooms · £110.00",
    ])
    // Continue without a choice asks for one.
    await page.getByRole("button", { name: "Continue" }).click()
    expect(await options.first().evaluate((input: HTMLInputElement) => input.validity.valueMissing)).toBe(true)
    await options.nth(1).check()
    await continueFrom(page, "option", "time")
    // The days with free times, the first one open, and no time ticked.
    expect(await page.locator('input[name="starts_at"]:checked').count()).toBe(0)
    const firstDay = page.getByTestId("time-day-link").first()
    expect(await firstDay.getAttribute("aria-current")).toBe("date")
    expect(await page.getByTestId("time-range").innerText()).toMatch(
      new RegExp(`^${(await firstDay.locator(".day-link__day").innerText()).replace(/ /g, "\\s")} to `)
    )
    const startsAt = await chooseTime(page, 1)
    expect(startsAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    await continueFrom(page, "time", "location")
    // Her first saved location, "Home" in Bristol, is chosen.
    expect(await page.getByRole("radio", { name: /^Home/ }).isChecked()).toBe(true)
    expect(await page.getByRole("radio", { name: /^Holiday cottage/ }).isChecked()).toBe(false)
    await continueFrom(page, "location", "contact")
    // Filled in from her profile; a home clean doesn't ask about her pet.
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("Olivia Bennett")
    expect(await page.getByLabel("Email", { exact: true }).inputValue()).toContain("@")
    expect(await page.getByTestId("dependent-choices").count()).toBe(0)
    await continueFrom(page, "contact", "instructions")
    await continueFrom(page, "instructions", "payment")
    expect(await page.getByRole("radio", { name: new RegExp(`ending ${defaultCard.last4} \\(default\\)`) }).isChecked()).toBe(true)
    await continueFrom(page, "payment", "review")

    expect(await page.getByTestId("review-service").innerText()).toBe("Regular Home Clean")
    const option = (await page.getByTestId("review-option").innerText()).split(" · ")[0]
    expect(await page.getByTestId("review-location").innerText()).toContain("14 Larch Avenue")
    expect(await page.getByTestId("review-contact").innerText()).toContain("Olivia Bennett")
    expect(await page.getByTestId("review-time").innerText()).toMatch(/\d{2}:\d{2}–\d{2}:\d{2}/)
    expect(await page.getByTestId("booking-payment").innerText()).toContain(`ending ${defaultCard.last4}`)
    // The price before booking: the lines, tax and total the order will have, and when it is paid.
    const dueOnCard = new RegExp(`^Reserved on your .*${defaultCard.last4} and taken after the visit\\.$`)
    const reviewPrice = {
      line: await page.getByTestId("price-line").innerText(),
      tax: await page.getByTestId("price-tax").innerText(),
      total: await page.getByTestId("price-total").innerText(),
    }
    expect(reviewPrice.line).toMatch(/Regular Home Clean · 3 bedrooms\s+£85\.00/)
    expect(await page.getByTestId("price-due").innerText()).toMatch(dueOnCard)
    await page.getByRole("button", { name: "Confirm booking" }).click()

    await page.getByRole("heading", { name: "Booking confirmed" }).waitFor()
    const bookingNumber = await page.getByTestId("booking-number").innerText()
    expect(bookingNumber).toMatch(/^BK-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    expect(await page.getByTestId("booking-location").innerText()).toContain("14 Larch Avenue")
    const when = await page.getByTestId("booking-when").innerText()
    expect(when).toMatch(/\d{2}:\d{2}–\d{2}:\d{2}/)
    // The price from the order: the option's line, the tax (VAT in the demo) and the total.
    const pounds = (text: string) => Number(text.replace(/[^\d.]/g, ""))
    const line = await page.getByTestId("price-line").innerText()
    expect(line).toMatch(/Regular Home Clean · 3 bedrooms\s+£85\.00/)
    const tax = pounds(await page.getByTestId("price-tax").innerText())
    expect(tax).toBeGreaterThan(0)
    const total = await page.getByTestId("price-total").innerText()
    expect(pounds(total)).toBeCloseTo(85 + tax, 2)
    expect(await page.getByTestId("price-due").innerText()).toMatch(dueOnCard)
    // What the review step said it would cost is what the order charges.
    expect({ line, tax: await page.getByTestId("price-tax").innerText(), total }).toEqual(reviewPrice)

    // My bookings → Upcoming (the default tab), soonest first, ten a page.
    await nav(page, "My bookings").click()
    await page.getByRole("heading", { name: "My bookings" }).waitFor()
    expect(await page.getByRole("link", { name: "Upcoming" }).getAttribute("aria-current")).toBe("page")
    let card = page.getByTestId("booking").filter({ hasText: bookingNumber })
    while ((await card.count()) === 0) {
      await page.getByRole("link", { name: "Next page" }).click()
      card = page.getByTestId("booking").filter({ hasText: bookingNumber })
    }
    expect(await card.getByTestId("booking-when").innerText()).toBe(when)
    await card.getByRole("link", { name: "Regular Home Clean" }).click()

    await page.getByTestId("booking-overview").waitFor()
    expect(await page.getByTestId("booking-number").innerText()).toBe(bookingNumber)
    expect(await page.getByTestId("booking-status").innerText()).toBe("Confirmed")
    expect(await page.getByTestId("booking-option").innerText()).toBe(option)
    expect(await page.getByTestId("booking-when").innerText()).toBe(when)
    expect(await page.getByTestId("booking-location").innerText()).toContain("BS6 7QT")
    expect(await page.getByTestId("booking-contact").innerText()).toContain("Olivia Bennett")
    expect(await page.getByTestId("price-total").innerText()).toBe(total)
    expect(await page.getByTestId("price-line").innerText()).toBe(reviewPrice.line)
    expect(await page.getByTestId("price-tax").innerText()).toBe(reviewPrice.tax)

    // It is not a past booking.
    await page.goto(`${inject("portalUrl")}/bookings?when=past`)
    expect(await page.getByTestId("booking").filter({ hasText: bookingNumber }).count()).toBe(0)
    await page.close()
  })

  it("books for a new customer at a new address, refusing a postcode we don't cover, and saves the address to My account", async () => {
    const customer = await signUpCustomer({ first_name: "Nina", last_name: "Newbooker" })
    const page = await signedInPage(customer.email, customer.password)

    await nav(page, "Book a service").click()
    await page.getByRole("heading", { name: "Book a service" }).waitFor()
    await page.getByRole("radio", { name: /^Regular Home Clean/ }).check()
    await page.getByRole("button", { name: "Continue" }).click()
    await chooseOption(page)
    await continueFrom(page, "option", "time")
    await chooseTime(page)
    await continueFrom(page, "time", "location")

    // No saved locations: a new address, checked against the service's areas first.
    expect(await page.getByRole("radio", { name: /A new address/ }).isChecked()).toBe(true)
    await page.getByLabel("Label (optional)").fill("Garden flat")
    await page.getByLabel("Address", { exact: true }).fill("22 Cotham Hill")
    await page.getByLabel("Town or city").fill("Manchester")
    await page.getByLabel("Postcode").fill("M1 5QA")
    await page.getByRole("button", { name: "Continue" }).click()
    const alert = page.getByRole("alert")
    await alert.waitFor()
    expect(await alert.innerText()).toContain("Sorry, we don't offer Regular Home Clean in M1 5QA yet")
    // What was typed is kept.
    expect(await page.getByLabel("Address", { exact: true }).inputValue()).toBe("22 Cotham Hill")
    await page.getByLabel("Town or city").fill("Bristol")
    await page.getByLabel("Postcode").fill("BS6 6LA")
    await continueFrom(page, "location", "contact")

    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("Nina Newbooker")
    await continueFrom(page, "contact", "instructions")
    await page.getByLabel("Instructions for our team (optional)").fill("Ring the top bell, please.")
    await continueFrom(page, "instructions", "payment")
    await continueFrom(page, "payment", "review")
    expect(await page.getByTestId("review-location").innerText()).toContain("Garden flat: 22 Cotham Hill, Bristol, BS6 6LA")
    await page.getByRole("button", { name: "Confirm booking" }).click()

    await page.getByRole("heading", { name: "Booking confirmed" }).waitFor()
    const bookingNumber = await page.getByTestId("booking-number").innerText()
    expect(await page.getByTestId("booking-location").innerText()).toContain("22 Cotham Hill")

    // The address is now one of her saved locations, under its label.
    await nav(page, "My account").click()
    await page.getByRole("heading", { name: "My account" }).waitFor()
    const saved = page.getByTestId("saved-location").filter({ hasText: "Garden flat" })
    expect(await saved.getByTestId("saved-location-address").innerText()).toContain("22 Cotham Hill, Bristol, BS6 6LA")

    await nav(page, "My bookings").click()
    const card = page.getByTestId("booking").filter({ hasText: bookingNumber })
    await card.getByRole("link", { name: "Regular Home Clean" }).click()
    expect(await page.getByTestId("booking-instructions").innerText()).toBe("Ring the top bell, please.")
    await page.close()
  })

  it("asks which pet a visit is for only on a service that concerns pets", async () => {
    const demo = inject("demo")
    const page = await signedInPage(demo.customerEmail, demo.customerPassword)
    await page.goto(`${inject("portalUrl")}/book/dog-grooming`)
    await chooseOption(page)
    await continueFrom(page, "option", "time")
    await chooseTime(page)
    await continueFrom(page, "time", "location")
    await continueFrom(page, "location", "contact")
    const pets = page.getByTestId("dependent-choices")
    expect(await pets.locator("legend").innerText()).toBe("Which of your pets is this visit for? (optional)")
    expect(await pets.getByRole("checkbox", { name: "Maple" }).isChecked()).toBe(false)
    await page.close()
  })

  it("sends the customer back to the time step when the window is taken while they confirm", async () => {
    const customer = await signUpCustomer({ first_name: "Theo", last_name: "Toolate" })
    await addLocation(customer.token, { address_name: "Home", address_1: "5 Kingsdown Parade", city: "Bristol", postal_code: "BS6 5UD" })
    const page = await signedInPage(customer.email, customer.password)

    // Window cleaning has one team: a window holds one booking.
    await page.goto(`${inject("portalUrl")}/book/window-cleaning`)
    await chooseOption(page)
    await continueFrom(page, "option", "time")
    const startsAt = await chooseTime(page)
    await continueFrom(page, "time", "location")
    await continueFrom(page, "location", "contact")
    await continueFrom(page, "contact", "instructions")
    await continueFrom(page, "instructions", "payment")
    await continueFrom(page, "payment", "review")

    // Someone else takes that window first.
    const rival = await signUpCustomer({ first_name: "Rita", last_name: "Rival" })
    const service = (await api("/store/services/window-cleaning")).body.service
    const taken = await api("/store/customers/me/bookings", {
      token: rival.token,
      body: {
        service_id: service.id,
        variant_id: service.variants[0].id,
        starts_at: startsAt,
        location: { address: { address_1: "1 Other Road", city: "Bristol", postal_code: "BS6 5AA", country_code: "gb" } },
      },
    })
    expect(taken.status, JSON.stringify(taken.body)).toBe(201)

    await page.getByRole("button", { name: "Confirm booking" }).click()
    await page.getByTestId("booking-step-time").waitFor()
    expect(await page.getByRole("alert").innerText()).toContain("Sorry, that time has just been booked by someone else")
    expect(await page.locator(`input[name="starts_at"][value="${startsAt}"]`).count()).toBe(0)
    // Another time, and straight back to the review: the other answers are kept.
    await chooseTime(page)
    await continueFrom(page, "time", "review")
    await page.getByRole("button", { name: "Confirm booking" }).click()
    await page.getByRole("heading", { name: "Booking confirmed" }).waitFor()
    await page.close()
  })

  it("sends visitors to sign in and back to the booking", async () => {
    const demo = inject("demo")
    const page = await browser.newPage({ javaScriptEnabled: false })
    await page.goto(`${inject("portalUrl")}/services/oven-cleaning`)
    await page.getByRole("link", { name: "Schedule an appointment" }).click()
    await page.getByLabel("Email").fill(demo.customerEmail)
    await page.getByLabel("Password").fill(demo.customerPassword)
    await page.getByRole("button", { name: "Sign in" }).click()
    await page.getByTestId("booking-step-option").waitFor()
    expect(new URL(page.url()).pathname).toBe("/book/oven-cleaning")
    expect(await page.getByText("Book Oven Deep Clean").count()).toBe(1)
    await page.close()
  })
})

describe("My bookings", () => {
  it("shows upcoming bookings ten a page, turns the order round, and keeps past ones on their own tab", async () => {
    const customer = await signUpCustomer({ first_name: "Paige", last_name: "Nation" })
    const tutoring = (await api("/store/services/maths-tutoring")).body.service
    const windows = (await api("/store/services/maths-tutoring/availability?days=28")).body.windows as { starts_at: string }[]
    const address = { address_1: "8 Zetland Road", city: "Bristol", postal_code: "BS6 7AG", country_code: "gb" }
    for (const window of windows.slice(0, 11)) {
      const placed = await api("/store/customers/me/bookings", {
        token: customer.token,
        body: { service_id: tutoring.id, variant_id: tutoring.variants[0].id, starts_at: window.starts_at, location: { address } },
      })
      expect(placed.status, JSON.stringify(placed.body)).toBe(201)
    }
    const page = await signedInPage(customer.email, customer.password)
    await nav(page, "My bookings").click()
    // The page has loaded once its pager shows; counting before that counts a page half read.
    await page.getByTestId("bookings-page").waitFor()
    expect(await page.getByTestId("bookings-page").innerText()).toBe("Page 1 of 2")
    const cards = page.getByTestId("booking")
    expect(await cards.count()).toBe(10)
    const firstWhen = await cards.first().getByTestId("booking-when").innerText()

    await page.getByRole("link", { name: "Next page" }).click()
    expect(await cards.count()).toBe(1)
    const lastWhen = await cards.first().getByTestId("booking-when").innerText()
    expect(await page.getByTestId("bookings-page").innerText()).toBe("Page 2 of 2")

    await page.getByRole("link", { name: "Show latest first" }).click()
    expect(await page.getByTestId("bookings-page").innerText()).toBe("Page 1 of 2")
    expect(await cards.first().getByTestId("booking-when").innerText()).toBe(lastWhen)
    expect(await cards.last().getByTestId("booking-when").innerText()).not.toBe(firstWhen)

    await page.getByRole("link", { name: "Past" }).click()
    expect(await page.getByRole("link", { name: "Past" }).getAttribute("aria-current")).toBe("page")
    expect(await page.getByTestId("bookings-empty").innerText()).toContain("no past bookings")
    await page.close()
  })
})

describe("upcoming and past bookings", () => {
  it("lists only open visits still to come as upcoming; cancelled, completed and finished ones are past", async () => {
    const customer = await signUpCustomer({ first_name: "Una", last_name: "Upcoming" })
    const booked = []
    for (let visit = 0; visit < 3; visit++) booked.push((await bookSomething(customer.token, "maths-tutoring")).booking)
    const [open, cancelled, completed] = booked
    expect((await api(`/store/customers/me/bookings/${cancelled.id}/cancel`, { token: customer.token, body: {} })).status).toBe(200)
    // Staff marked it done (early finishes are #16's business; here only the status matters).
    await sql(`update booking set status = 'completed' where id = $1`, [completed.id])

    const page = await signedInPage(customer.email, customer.password)
    await nav(page, "My bookings").click()
    const numbers = () => page.getByTestId("booking").evaluateAll((cards) => cards.map((card) => card.textContent ?? ""))
    const upcoming = await numbers()
    expect(upcoming).toHaveLength(1)
    expect(upcoming[0]).toContain(open.booking_number)

    await page.getByRole("link", { name: "Past" }).click()
    const past = await numbers()
    expect(past).toHaveLength(2)
    expect(past.some((card) => card.includes(cancelled.booking_number) && card.includes("Cancelled"))).toBe(true)
    expect(past.some((card) => card.includes(completed.booking_number) && card.includes("Completed"))).toBe(true)
    await page.close()
  })
})

describe("All services", () => {
  it("shows the services offered at the customer's first saved location, and all of them on request", async () => {
    const customer = await signUpCustomer({ first_name: "Gus", last_name: "Gloucester" })
    await addLocation(customer.token, { address_name: "Office", address_1: "3 Westgate Street", city: "Gloucester", postal_code: "GL1 2NW" })
    const page = await signedInPage(customer.email, customer.password)

    await nav(page, "Services").click()
    expect(await page.getByTestId("services-postcode").innerText()).toBe("Showing services for GL1 2NW")
    const cards = page.getByTestId("service-card")
    const filtered = await cards.allInnerTexts()
    expect(filtered.some((text) => text.includes("Boiler Service"))).toBe(true)
    expect(filtered.some((text) => text.includes("Regular Home Clean"))).toBe(false)
    expect(filtered.join("\n")).toMatch(/From £\d+\.\d{2}/)

    await page.getByRole("link", { name: "Show all" }).click()
    expect(await page.getByTestId("services-postcode").innerText()).toBe("Showing all services")
    const all = await cards.allInnerTexts()
    expect(all.length).toBeGreaterThan(filtered.length)
    expect(all.find((text) => text.includes("Regular Home Clean"))).toMatch(/From £65\.00[\s\S]*About 2 hours 30 minutes/)
    await page.close()
  })

  it("lets a visitor check a postcode", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false })
    await page.goto(`${inject("portalUrl")}/services`)
    expect(await page.getByTestId("services-postcode").innerText()).toBe("Showing all services")
    const all = await page.getByTestId("service-card").count()
    await page.getByLabel("Check a postcode").fill("tr26 1lp")
    await page.getByRole("button", { name: "Check" }).click()
    expect(await page.getByTestId("services-postcode").innerText()).toBe("Showing services for TR26 1LP")
    const there = await page.getByTestId("service-card").count()
    expect(there).toBeGreaterThan(0)
    expect(there).toBeLessThan(all)
    await page.close()
  })

  it("says plainly when a postcode is outside every area we visit, and when it can't be a postcode", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false })
    await page.goto(`${inject("portalUrl")}/services`)
    expect(await page.getByTestId("services-not-covered").count()).toBe(0)
    await page.getByLabel("Check a postcode").fill("sw1a1aa")
    await page.getByRole("button", { name: "Check" }).click()
    // The demo visits Bristol, Bath and Gloucester; only what is offered everywhere is listed below.
    expect(await page.getByTestId("services-not-covered").innerText()).toContain("We don’t cover SW1A 1AA yet. We visit BA, BS and GL postcodes.")
    const everywhere = await page.getByTestId("service-card").allInnerTexts()
    expect(everywhere.length).toBeGreaterThan(0)
    expect(everywhere.some((card) => card.includes("Regular Home Clean"))).toBe(false)

    await page.getByLabel("Check a postcode").fill("ZZ99 9ZZ")
    await page.getByRole("button", { name: "Check" }).click()
    expect(await page.locator("#filter-postcode-error").innerText()).toContain("ZZ99 9ZZ isn’t a postcode in the United Kingdom")
    expect(await page.getByTestId("service-card").count()).toBe(0)

    // A covered postcode shows no such notice.
    await page.getByLabel("Check a postcode").fill("BS6 7QT")
    await page.getByRole("button", { name: "Check" }).click()
    expect(await page.getByTestId("services-postcode").innerText()).toBe("Showing services for BS6 7QT")
    expect(await page.getByTestId("services-not-covered").count()).toBe(0)
    await page.close()
  })
})

describe("rescheduling and cancelling a booking in the portal", () => {
  it("lets the demo customer book, move the booking to another time, then cancel it, seeing the policy before each and the result after", async () => {
    const demo = inject("demo")
    const page = await signedInPage(demo.customerEmail, demo.customerPassword)

    // Book lawn mowing (one team per window) through the portal: a later time than the first, then
    // Continue through whatever steps follow (her saved details are filled in) to the review.
    await page.goto(`${inject("portalUrl")}/book/lawn-mowing`)
    await chooseOption(page)
    await continueFrom(page, "option", "time")
    await chooseTime(page, 2)
    const confirm = page.getByRole("button", { name: "Confirm booking" })
    for (let step = 0; step < 8 && (await confirm.count()) === 0; step++) {
      await page.getByRole("button", { name: "Continue" }).click()
      await page.waitForLoadState()
    }
    await confirm.click()
    await page.getByRole("heading", { name: "Booking confirmed" }).waitFor()
    const bookingNumber = await page.getByTestId("booking-number").innerText()
    await page.getByRole("link", { name: "View this booking" }).click()

    await page.getByTestId("booking-overview").waitFor()
    expect(await page.getByTestId("booking-number").innerText()).toBe(bookingNumber)
    const bookingId = new URL(page.url()).pathname.split("/").pop()!
    const token = (await api("/auth/customer/emailpass", { body: { email: demo.customerEmail, password: demo.customerPassword } })).body.token
    const booking = (await api(`/store/customers/me/bookings/${bookingId}`, { token })).body.booking as {
      id: string
      booking_number: string
      starts_at: string
    }
    const before = await page.getByTestId("booking-when").innerText()
    const changes = page.getByTestId("booking-changes")
    expect(await changes.innerText()).toMatch(/Reschedule\s+until .+ \(24 hours before the arrival window\)/)
    expect(await page.getByTestId("booking-policy").innerText()).toContain("cut-off")

    // Reschedule: the policy, her current time, and the free times to choose from.
    await changes.getByRole("link", { name: "Reschedule" }).click()
    await page.getByTestId("reschedule-booking").waitFor()
    expect(await page.getByTestId("reschedule-current").innerText()).toBe(before)
    expect(await page.getByTestId("reschedule-policy").innerText()).toContain("You can move a visit online until 24 hours before the arrival window.")
    expect(await page.locator(`input[name="starts_at"][value="${booking!.starts_at}"]`).count()).toBe(0)
    expect(await page.locator('input[name="starts_at"]:checked').count()).toBe(0)
    const newStart = await chooseTime(page, 1)
    await page.getByRole("button", { name: "Move my visit" }).click()

    await page.getByTestId("booking-overview").waitFor()
    expect(await page.getByTestId("booking-done").innerText()).toContain("Your visit has moved to the new time")
    const after = await page.getByTestId("booking-when").innerText()
    expect(after).not.toBe(before)
    expect(after).toContain("(rescheduled)")
    const moved = (await api(`/store/customers/me/bookings/${booking!.id}`, { token })).body.booking
    expect(moved.starts_at).toBe(newStart)

    // Cancel: a confirmation page with the policy and the deadline first.
    await page.getByTestId("booking-changes").getByRole("link", { name: "Cancel booking" }).click()
    await page.getByTestId("cancel-booking").waitFor()
    expect(await page.getByTestId("cancel-policy").innerText()).toContain("You can cancel online until 24 hours before the arrival window.")
    expect(await page.getByTestId("cancel-deadline").innerText()).toMatch(/can be cancelled here until \w+day \d+ \w+ \d{4} at \d\d:\d\d/)
    await page.getByLabel("Reason (optional)").fill("Away that week")
    await page.getByRole("button", { name: "Cancel booking" }).click()

    await page.getByTestId("booking-overview").waitFor()
    expect(await page.getByTestId("booking-done").innerText()).toContain("Your booking is cancelled")
    expect(await page.getByTestId("booking-status").innerText()).toBe("Cancelled")
    expect(await page.getByTestId("booking-cancelled").innerText()).toContain("This booking was cancelled on")
    // Nothing but "Book again" is offered.
    expect(await page.getByTestId("booking-changes").count()).toBe(0)
    expect(await page.getByRole("link", { name: /Edit contact details|job notes/ }).count()).toBe(0)
    expect(await page.getByLabel("Add a photo or document").count()).toBe(0)
    await page.getByRole("link", { name: "Book again" }).click()
    await page.getByTestId("booking-step-option").waitFor()
    expect(new URL(page.url()).pathname).toBe("/book/lawn-mowing")

    // In My bookings it shows as cancelled, with the past ones.
    await nav(page, "My bookings").click()
    await page.getByRole("link", { name: "Past" }).click()
    await page.getByRole("link", { name: "Past" }).and(page.locator('[aria-current="page"]')).waitFor()
    let card = page.getByTestId("booking").filter({ hasText: booking!.booking_number })
    while ((await card.count()) === 0) {
      await page.getByRole("link", { name: "Next page" }).click()
      card = page.getByTestId("booking").filter({ hasText: booking!.booking_number })
    }
    expect(await card.getByTestId("booking-status").innerText()).toBe("Cancelled")
    await page.close()
  })
})

describe("booking with a card whose bank asks for 3-D Secure", () => {
  /** A new customer with a saved location and the 3-D Secure test card, on the review step of a home clean. */
  async function reviewWithCheckCard(javaScriptEnabled: boolean, label: string) {
    const customer = await signUpCustomer({ first_name: "Tess", last_name: label })
    await addLocation(customer.token, { address_name: "Home", address_1: "12 Secure Row", city: "Bristol", postal_code: "BS6 6SR" })
    await saveCard(customer.token, TEST_CARDS.needsAuthentication)
    const page = await browser.newPage({ javaScriptEnabled, viewport: { width: 390, height: 844 } })
    await signInToPortal(page, customer.email, customer.password)
    await page.goto(`${inject("portalUrl")}/book/regular-home-clean`)
    await continueToReview(page)
    expect(await page.getByTestId("review-payment").innerText()).toMatch(/^Visa ending 3184/)
    return { customer, page }
  }

  it("shows the bank's check in the browser, then the confirmation, on a phone's width", async () => {
    const { customer, page } = await reviewWithCheckCard(true, "Threeds")
    await page.screenshot({ path: ".tmp/screenshots/booking-3ds-review-phone.png", fullPage: true })
    await page.getByRole("button", { name: "Confirm booking" }).click()
    const check = page.getByRole("dialog", { name: "3D Secure test page" })
    await check.waitFor()
    await page.screenshot({ path: ".tmp/screenshots/booking-3ds-check-phone.png", fullPage: true })
    await check.getByRole("button", { name: "Complete authentication" }).click()
    await page.getByRole("heading", { name: "Booking confirmed" }).waitFor()
    expect(await page.getByTestId("booking-payment").innerText()).toMatch(/3184/)
    await page.screenshot({ path: ".tmp/screenshots/booking-3ds-confirmed-phone.png", fullPage: true })
    const { bookings } = (await api("/store/customers/me/bookings", { token: customer.token })).body
    expect(bookings).toHaveLength(1)
    expect(bookings[0]).toMatchObject({ status: "confirmed", order_id: expect.stringMatching(/^order_/), card: { last4: "3184" } })
    await page.close()
  })

  it("says without JavaScript that the bank's check needs it, with nothing charged and another way to pay", async () => {
    const { customer, page } = await reviewWithCheckCard(false, "Noscript")
    await page.getByRole("button", { name: "Confirm booking" }).click()
    const notice = page.getByTestId("booking-bank-check")
    await notice.waitFor()
    expect(await notice.innerText()).toContain("Confirming with your bank needs JavaScript")
    expect(await notice.innerText()).toContain("Nothing has been charged")
    expect(await page.getByRole("button", { name: "Confirm booking" }).isDisabled()).toBe(true)
    await page.screenshot({ path: ".tmp/screenshots/booking-3ds-noscript-phone.png", fullPage: true })
    // Held, not booked: nothing among her bookings.
    expect((await api("/store/customers/me/bookings", { token: customer.token })).body.count).toBe(0)
    // Choosing another way to pay lets the held time go at once.
    await notice.getByRole("button", { name: "Choose another way to pay" }).click()
    await page.getByTestId("booking-step-payment").waitFor()
    expect(await page.getByRole("alert").innerText()).toContain("Nothing was charged and the time you chose was let go.")
    expect(await sql(`select id from booking where customer_id = $1`, [customer.customer.id])).toEqual([])
    await page.close()
  })
})
