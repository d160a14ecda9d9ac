import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, emailCount, latestEmail, signUpCustomer, uniqueEmail } from "../support/api"
import { continueBookingStep, launchBrowser, signInToPortal } from "../support/browser"
import { runJob } from "../support/jobs"
import { saveCard } from "../support/stripe"

/**
 * Issue #20 in the browser, on a phone without JavaScript: a customer buys a voucher for two
 * services as a gift with a delivery day; on that day (pinned clock) the friend's email arrives;
 * the friend signs up, adds the code in the portal, books one of the services with it paying
 * nothing, and sees the voucher with that service booked.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
let browser: Browser
let giver: Customer
const friendEmail = uniqueEmail("friend")

const portalUrl = (path: string) => `${inject("portalUrl")}${path}`
const londonDay = (days: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(Date.now() + days * 86_400_000))

beforeAll(async () => {
  browser = await launchBrowser()
  await api("/admin/gift-vouchers/settings", {
    token: await adminToken(),
    body: { enabled: true, amounts: [25, 50, 100], min_amount: 10, max_amount: 500, validity_months: 12, service_ids: null },
  })
  giver = await signUpCustomer({ first_name: "Gina", last_name: "Giver" })
  await saveCard(giver.token)
}, 120_000)
afterAll(async () => {
  await browser?.close()
})

describe("A gift voucher from buying to the friend's account", () => {
  it("is bought for two services with a delivery day, emailed on that day, and added by the friend", async () => {
    const options = (await api("/store/portal/gift-vouchers/options")).body.options
    const [first, second] = options.services
    const day = londonDay(7)

    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    await signInToPortal(page, giver.email, giver.password)
    await page.goto(portalUrl("/gift-cards/buy"))
    await page.locator("#kind-services").check()
    await page.locator('select[name="service_ids"]').first().selectOption(first.variant_id)
    await page.getByTestId("gift-add-service").click()
    await page.locator('select[name="service_ids"]').nth(1).selectOption(second.variant_id)
    await page.locator('input[name="recipient_name"]').fill("Fran Friend")
    await page.locator('input[name="recipient_email"]').fill(friendEmail)
    await page.locator("#message").fill("Enjoy a clean house!")
    await page.locator('input[name="deliver_on"]').fill(day)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.getByTestId("gift-continue").click()

    await page.getByTestId("gift-voucher-overview").waitFor()
    expect(await page.getByTestId("gift-overview-what").innerText()).toContain(first.title)
    expect(await page.getByTestId("gift-overview-recipient").innerText()).toContain("Fran Friend")
    await page.locator("#agree_terms").check()
    await page.getByTestId("gift-pay").click()

    await page.getByTestId("gift-voucher-page").waitFor()
    expect(await page.getByTestId("gift-voucher-status").innerText()).toContain("Waiting to be sent")
    await page.goto(portalUrl("/gift-cards"))
    expect(await page.getByTestId("gift-bought").innerText()).toContain("Fran Friend")

    // Nothing before the day; on the day the friend's email arrives with the code.
    expect(await emailCount(friendEmail)).toBe(0)
    await runJob("gift-voucher-delivery", new Date(`${day}T09:00:00Z`))
    const email = await latestEmail(friendEmail, "gift-voucher-delivery")
    expect(email.data.buyer_name).toBe("Gina Giver")

    // The friend signs up and adds the code in the portal.
    const friend = await signUpCustomer({ first_name: "Fran", last_name: "Friend", email: friendEmail })
    const friendPage = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    await signInToPortal(friendPage, friend.email, friend.password)
    await friendPage.goto(portalUrl("/gift-cards"))
    await friendPage.locator('input[name="code"]').fill(email.data.code)
    await friendPage.getByTestId("gift-add-submit").click()
    await friendPage.getByTestId("gift-held").waitFor()
    const held = await friendPage.getByTestId("gift-held").innerText()
    expect(held).toContain(first.title)
    await friendPage.getByTestId("gift-held").getByTestId("gift-voucher-link").first().click()
    await friendPage.getByTestId("gift-voucher-page").waitFor()
    expect(await friendPage.getByTestId("gift-voucher-code").innerText()).toContain(email.data.code)
    expect(await friendPage.getByTestId("gift-voucher-status").innerText()).toContain("Ready to use")
    expect(await friendPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

    // "Schedule an appointment" with it: the first service, at her saved home, paying nothing.
    await api("/store/customers/me/addresses", {
      token: friend.token,
      body: { address_1: "3 Voucher Row", city: "Bristol", postal_code: "BS6 6PR", country_code: "gb", address_name: "Home" },
    })
    await friendPage.getByTestId("gift-voucher-book").first().click()
    await friendPage.getByTestId("booking-step-option").waitFor()
    await friendPage.locator(`input[name="variant_id"][value="${first.variant_id}"]`).check()
    await continueBookingStep(friendPage, "option", "time")
    await friendPage.getByTestId("time-day-link").nth(2).click()
    await friendPage.locator('input[name="starts_at"]').first().check()
    await continueBookingStep(friendPage, "time", "location")
    await continueBookingStep(friendPage, "location", "contact")
    await continueBookingStep(friendPage, "contact", "instructions")
    await continueBookingStep(friendPage, "instructions", "payment")
    await friendPage.getByTestId("payment-voucher-choice").first().locator("input").check()
    await continueBookingStep(friendPage, "payment", "review")
    expect(await friendPage.getByTestId("review-voucher").innerText()).toContain(email.data.code.slice(-4))
    expect(await friendPage.getByTestId("price-due").innerText()).toBe("Nothing more to pay: your gift voucher or store credit covers it.")
    await friendPage.getByRole("button", { name: "Confirm booking" }).click()
    await friendPage.getByTestId("booking-number").waitFor()
    expect(await friendPage.getByTestId("price-left").innerText()).toContain("£0.00")

    await friendPage.goto(portalUrl("/gift-cards"))
    await friendPage.getByTestId("gift-held").getByTestId("gift-voucher-link").first().click()
    expect(await friendPage.getByTestId("gift-voucher-services").innerText()).toMatch(/Booked/)
    expect(await friendPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  })
})
