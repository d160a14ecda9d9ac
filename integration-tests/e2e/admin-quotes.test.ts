import { mkdirSync } from "node:fs"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, latestEmail, signUpCustomer, TINY_PNG, uniqueEmail } from "../support/api"
import { launchBrowser, signInToAdmin, signInToPortal } from "../support/browser"
import { BRISTOL } from "../support/customer-records"
import { TINY_PDF } from "../support/files"
import { createQuote, serviceOption, twoOptionQuote } from "../support/quotes"

/**
 * Issue #19 item 1 in the browser: staff build a two-option quote from the customer page, send it,
 * and find it in Quotes; staff put a photo on a draft, and the customer opens it in the portal.
 */

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
  mkdirSync(".tmp/screenshots", { recursive: true })
})
afterAll(async () => {
  await browser?.close()
})

const app = (path: string) => `${inject("backendUrl")}/app${path}`
const toast = (page: Page, text: string) => page.locator("[data-sonner-toast]", { hasText: text }).first().waitFor()

/** Picks an entry of a Medusa UI select. */
async function choose(page: Page, trigger: ReturnType<Page["getByTestId"]>, option: string | RegExp) {
  await trigger.click()
  await page.getByRole("option", { name: option }).click()
}

describe.sequential("Admin: quotes", () => {
  it("builds a quote with two options and an optional line from the customer page, sends it, and finds it in Quotes with its history", async () => {
    await adminToken()
    const gail = await signUpCustomer({ first_name: "Gail", last_name: "Proposal" })
    const accounts = uniqueEmail("accounts")
    const lettings = (
      await api("/store/customers/me/business-profiles", {
        token: gail.token,
        body: { name: "Proposal Lettings", billing_email: accounts, tax_id: null, ...BRISTOL },
      })
    ).body.business_profile
    const flat = (
      await api("/store/customers/me/addresses", { token: gail.token, body: { ...BRISTOL, address_1: "4 Quote Mews", address_name: "Top flat" } })
    ).body.customer.addresses.find((address: { address_1: string }) => address.address_1 === "4 Quote Mews")
    const clean = await serviceOption()
    const page = await signInToAdmin(browser)
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(app(`/customers/${gail.customer.id}`))
    await page.getByTestId("customer-quotes-empty").waitFor()
    await page.getByTestId("customer-quotes-new").click()
    const builder = page.getByTestId("quote-builder")
    await builder.waitFor()
    await page.getByTestId("quote-title").fill("Spring clean")
    // For her lettings business, at the top flat.
    await choose(page, page.getByTestId("quote-business-profile"), "Proposal Lettings")
    await choose(page, page.getByTestId("quote-location"), /Top flat, 4 Quote Mews/)

    // Option 1: the service at its catalogue price, filled in when its option is chosen.
    await page.getByTestId("quote-option-title").first().fill("Standard")
    await choose(page, page.getByTestId("quote-line-service").first(), clean.title)
    await choose(page, page.getByTestId("quote-line-variant").first(), clean.variant_title)
    await expect.poll(() => page.getByTestId("quote-line-price").first().inputValue()).toBe(clean.price.toFixed(2))

    // Option 2: a free line with an edited price, and an optional extra.
    await page.getByTestId("quote-add-option").click()
    const deep = page.getByTestId("quote-option").nth(1)
    await deep.getByTestId("quote-option-title").fill("Deep")
    await deep.getByTestId("quote-line-description").fill("Deep clean, whole house")
    await deep.getByTestId("quote-line-price").fill("240")
    await deep.getByTestId("quote-add-line").click()
    await deep.getByTestId("quote-line-description").nth(1).fill("Oven clean")
    await deep.getByTestId("quote-line-price").nth(1).fill("45")
    await deep.getByTestId("quote-line-optional").nth(1).click()
    await builder.screenshot({ path: ".tmp/screenshots/admin-quote-builder.png" })
    await page.getByTestId("quote-builder-save").click()
    await toast(page, "Quote drafted")

    // The quote page: the draft with both options, the optional line marked; then Send.
    await page.getByTestId("quote-page").waitFor()
    const quoteId = new URL(page.url()).pathname.split("/").pop()!
    expect(await page.getByTestId("quote-status").innerText()).toBe("Draft")
    const saved = (await api(`/admin/quotes/${quoteId}`, { token: await adminToken() })).body.quote
    expect([saved.business_profile_id, saved.address_id]).toEqual([lettings.id, flat.id])
    expect(await page.getByTestId("quote-draft").getByTestId("quote-view-option").count()).toBe(2)
    expect(await page.getByTestId("quote-draft").innerText()).toContain("Optional")
    // Deep: 240 + 20% VAT; the optional oven clean is not in the total.
    expect(await page.getByTestId("quote-view-option-total").nth(1).innerText()).toBe("£288.00")
    await page.getByTestId("quote-send").click()
    await toast(page, "sent")
    await expect.poll(() => page.getByTestId("quote-status").innerText()).toBe("Sent")
    const number = await page.getByTestId("quote-number").innerText()
    expect(number).toMatch(/^QUO-\d{4}-\d{6}$/)
    await expect
      .poll(() => page.getByTestId("quote-history-event").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-kind"))))
      .toEqual(["created", "sent"])
    // Addressed to her lettings business: the quote goes to its billing email.
    expect((await latestEmail(accounts, "quote-sent")).data.quote_number).toBe(number)
    await page.screenshot({ path: ".tmp/screenshots/admin-quote-page.png", fullPage: true })

    // Quotes in the sidebar: found by its number, sent.
    await page.goto(app("/quotes"))
    await page.getByTestId("quotes-table").waitFor()
    await page.getByTestId("quotes-search").fill(number)
    await expect.poll(() => page.getByTestId("quotes-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-quote-id")))).toEqual([quoteId])
    expect(await page.getByTestId("quotes-row-status").innerText()).toBe("Sent")
    await page.getByTestId("quotes-status-draft").click()
    await page.getByTestId("quotes-message").waitFor()
    await page.getByTestId("quotes-status-sent").click()
    await page.getByTestId("quotes-row").waitFor()
    await page.screenshot({ path: ".tmp/screenshots/admin-quotes-list.png" })

    // Back on the customer page, the card lists it.
    await page.goto(app(`/customers/${gail.customer.id}`))
    await expect.poll(() => page.getByTestId("customer-quotes-row").first().innerText()).toContain(number)
  }, 240_000)

  it("staff add a photo and a PDF to the draft, remove the PDF, send it, and the customer opens the photo in the portal", async () => {
    const hana = await signUpCustomer({ first_name: "Hana", last_name: "Photos" })
    const { quote } = await createQuote(await adminToken(), await twoOptionQuote(hana.customer.id, { title: "Damp wall repair" }))
    const page = await signInToAdmin(browser)
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(app(`/quotes/${quote.id}`))
    const files = page.getByTestId("quote-draft-attachments")
    expect(await files.getByTestId("quote-draft-attachments-empty").innerText()).toContain("the customer sees them once this version is sent")
    await files.getByTestId("quote-draft-attachments-input").setInputFiles([
      { name: "damp patch.png", mimeType: "image/png", buffer: TINY_PNG },
      { name: "survey.pdf", mimeType: "application/pdf", buffer: TINY_PDF },
    ])
    await toast(page, "2 files added")
    await expect.poll(() => files.getByTestId("quote-draft-attachment-name").allInnerTexts()).toEqual(["damp patch.png", "survey.pdf"])
    // The photo shows as a tile, read from the staff-only route.
    await expect.poll(() => files.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1)

    // Removing asks first.
    await files.getByTestId("quote-draft-attachment").nth(1).getByTestId("quote-draft-attachment-remove").click()
    await page.getByRole("button", { name: "Remove" }).click()
    await toast(page, "“survey.pdf” removed")
    await expect.poll(() => files.getByTestId("quote-draft-attachment-name").allInnerTexts()).toEqual(["damp patch.png"])
    await page.screenshot({ path: ".tmp/screenshots/admin-quote-files.png", fullPage: true })

    // Sent: the version's files can no longer change.
    await page.getByTestId("quote-send").click()
    await toast(page, "sent")
    const sent = page.getByTestId("quote-current-attachments")
    await expect.poll(() => sent.getByTestId("quote-current-attachment-name").allInnerTexts()).toEqual(["damp patch.png"])
    expect(await sent.getByTestId("quote-current-attachments-add").count()).toBe(0)
    expect(await sent.getByTestId("quote-current-attachment-remove").count()).toBe(0)

    // The customer sees it on the quote, as a thumbnail that opens the photo, at phone width too.
    const portal = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await signInToPortal(portal, hana.email, hana.password)
    await portal.goto(`${inject("portalUrl")}/quotes/${quote.id}`)
    const listed = portal.getByTestId("quote-files")
    expect(await listed.getByTestId("quote-file-name").allInnerTexts()).toEqual(["damp patch.png"])
    await expect.poll(() => listed.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1)
    expect(await portal.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await listed.scrollIntoViewIfNeeded()
    await portal.screenshot({ path: ".tmp/screenshots/portal-quote-files-390.png", fullPage: true })
    const [opened] = await Promise.all([portal.waitForEvent("popup"), listed.getByRole("link", { name: "damp patch.png" }).click()])
    await opened.waitForURL(/\/files\//)
    const shown = await portal.request.get(opened.url())
    expect(shown.headers()["content-type"]).toBe("image/png")
    expect(Buffer.from(await shown.body()).equals(TINY_PNG)).toBe(true)
    await portal.setViewportSize({ width: 1280, height: 900 })
    await portal.screenshot({ path: ".tmp/screenshots/portal-quote-files-desktop.png", fullPage: true })
    await portal.close()
    await page.close()
  }, 240_000)
})
