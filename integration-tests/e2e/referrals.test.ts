import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { formatMoney } from "@fieldservice/contract"
import { adminToken, api, eventually, latestEmail, login, signUpCustomer, uniqueEmail } from "../support/api"
import { continueBookingStep, launchBrowser, signInToPortal } from "../support/browser"
import { bookAnyWindow } from "../support/customer-records"

/** Issue #20 item 6: a customer's invite link, a friend signing up through it, and the reward on the invite page. */
let browser: Browser
const portalUrl = (path: string) => `${inject("portalUrl")}${path}`

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe("inviting a friend", () => {
  it("the referrer copies their link, the friend signs up through it and books, and the reward shows once the visit is done", async () => {
    const staff = await adminToken()
    const { settings } = (await api("/admin/referrals/settings", { token: staff })).body
    const referrer = await signUpCustomer({ first_name: "Rita", last_name: "Referrer" })

    // At a phone's width, without JavaScript: the link is there to copy.
    const mine = await browser.newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false })
    await signInToPortal(mine, referrer.email, referrer.password)
    await mine.goto(portalUrl("/referrals"))
    const link = await mine.getByTestId("referral-link").inputValue()
    expect(link).toMatch(new RegExp(`^${inject("portalUrl")}/sign-up\\?ref=[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$`))
    expect(await mine.getByTestId("store-credit-balance").innerText()).toBe(formatMoney(0, settings.currency_code))
    expect(await mine.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

    const email = uniqueEmail("friend")
    const friend = await browser.newPage({ javaScriptEnabled: false })
    await friend.goto(link)
    await friend.getByTestId("invited-note").waitFor()
    await friend.getByLabel("First name").fill("Frankie")
    await friend.getByLabel("Last name").fill("Friend")
    await friend.getByLabel("Email").fill(email)
    await friend.getByLabel("Phone").fill("+44 7700 900717")
    await friend.getByLabel("Password").fill("frankie-password-1")
    await friend.getByRole("button", { name: "Create account" }).click()
    await friend.getByTestId("sign-up-done").waitFor()
    const mail = await latestEmail(email, "account-verification")
    await friend.goto(mail.data.verify_url)
    await friend.getByRole("button", { name: "Confirm my email" }).click()
    await friend.waitForURL("**/account")

    await mine.reload()
    expect(await mine.getByTestId("referral-row").innerText()).toMatch(/^Frankie\s+Signed up/)

    // The friend books; staff mark the visit done.
    const token = await login("customer", email, "frankie-password-1")
    const clean = (await api("/store/services/regular-home-clean")).body.service
    const { booking: placed } = await bookAnyWindow(token, "regular-home-clean", {
      service_id: clean.id,
      variant_id: clean.variants[0].id,
      location: { address: { address_1: "3 Frankie Row", city: "Bristol", postal_code: "BS6 7QT", country_code: "gb" }, label: "Home" },
    })
    const booking = (await api(`/store/customers/me/bookings/${placed.id}`, { token })).body.booking
    if (settings.enabled && settings.welcome_discount_value > 0) expect(booking.price.discount_total).toBeGreaterThan(0)
    const done = await api(`/admin/bookings/${booking.id}/status`, { token: staff, body: { status: "completed", early_finish: true } })
    expect(done.status, JSON.stringify(done.body)).toBe(200)

    await eventually(async () => {
      await mine.reload()
      expect(await mine.getByTestId("referral-row").innerText()).toContain(`Reward given: ${formatMoney(settings.reward_amount, settings.currency_code)}`)
    })
    expect(await mine.getByTestId("store-credit-balance").innerText()).toBe(formatMoney(settings.reward_amount, settings.currency_code))

    // The referrer spends it: the payment step offers the store credit, the review and the booking take it off.
    await api("/store/customers/me/addresses", {
      token: referrer.token,
      body: { address_1: "5 Rita Road", city: "Bristol", postal_code: "BS6 6PR", country_code: "gb", address_name: "Home" },
    })
    await mine.goto(portalUrl("/book/regular-home-clean"))
    await mine.locator('input[name="variant_id"]').first().check()
    await continueBookingStep(mine, "option", "time")
    await mine.getByTestId("time-day-link").nth(3).click()
    await mine.locator('input[name="starts_at"]').first().check()
    await continueBookingStep(mine, "time", "location")
    await continueBookingStep(mine, "location", "contact")
    await continueBookingStep(mine, "contact", "instructions")
    await continueBookingStep(mine, "instructions", "payment")
    expect(await mine.getByTestId("payment-store-credit").innerText()).toContain(formatMoney(settings.reward_amount, settings.currency_code))
    await continueBookingStep(mine, "payment", "review")
    expect(await mine.getByTestId("price-store-credit").innerText()).toContain(formatMoney(settings.reward_amount, settings.currency_code))
    await mine.getByRole("button", { name: "Confirm booking" }).click()
    await mine.getByTestId("booking-number").waitFor()
    expect(await mine.getByTestId("price-store-credit").innerText()).toContain(formatMoney(settings.reward_amount, settings.currency_code))
    await mine.goto(portalUrl("/referrals"))
    expect(await mine.getByTestId("store-credit-balance").innerText()).toBe(formatMoney(0, settings.currency_code))
    await friend.close()
    await mine.close()
  })
})
