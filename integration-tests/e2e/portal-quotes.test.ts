import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { sealQuoteToken } from "../../plugin/src/utils/quote-links"
import { adminToken, api, signUpCustomer, uniqueEmail } from "../support/api"
import { launchBrowser, signInToAdmin, signInToPortal } from "../support/browser"
import { sql } from "../support/db"
import { insertSentQuote, type SentQuoteInput } from "../support/quote-fixtures"

/**
 * Issue #19 item 2 in the browser: on a phone without JavaScript the customer opens a quote, picks
 * an option and an optional line, sees the server's totals and accepts with their name; with
 * JavaScript the totals follow each click without a reload; another quote gets "ask for changes";
 * and the emailed link opens a quote for a customer who has no password, who signs and pays the
 * deposit with a new card through Stripe's form; staff then see it accepted with the deposit paid.
 */

type Customer = Awaited<ReturnType<typeof signUpCustomer>>
let browser: Browser
let customer: Customer

const OPTIONS: SentQuoteInput["options"] = [
  { title: "Standard clean", lines: [{ description: "End of tenancy clean", unit_price: 180 }] },
  {
    title: "Deep clean",
    lines: [
      { description: "End of tenancy deep clean", unit_price: 240 },
      { description: "Oven clean", unit_price: 45, optional: true },
    ],
  },
]

const portalUrl = (path: string) => `${inject("portalUrl")}${path}`

async function signedInPage(javaScriptEnabled: boolean, width: number) {
  const page = await browser.newPage({ javaScriptEnabled, viewport: { width, height: 900 } })
  await signInToPortal(page, customer.email, customer.password)
  return page
}

const total = (page: Page) => page.getByTestId("quote-total").innerText()

beforeAll(async () => {
  browser = await launchBrowser()
  customer = await signUpCustomer({ first_name: "Quinn", last_name: "Quote" })
}, 120_000)
afterAll(async () => {
  await browser?.close()
})

describe("Quotes in the portal", () => {
  it("on a phone without JavaScript: opens the quote, picks an option and an extra, sees the totals, accepts with a typed name", async () => {
    const quote = await insertSentQuote({
      customer_id: customer.customer.id,
      options: OPTIONS,
      expires_on: "2099-06-30",
      deposit: { kind: "percent", value: 10 },
    })
    const page = await signedInPage(false, 1280)
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Quotes", exact: true }).click()
    await page.getByRole("heading", { name: "Quotes", exact: true }).waitFor()
    await page.setViewportSize({ width: 390, height: 844 })
    await page.getByTestId("quotes-open").getByRole("link", { name: quote.title }).first().click()
    await page.getByTestId("quote-page").waitFor()
    expect(await page.getByTestId("quote-expiry").innerText()).toBe("30 June 2099")
    expect(await total(page)).toBe("£216.00")

    await page.getByLabel(/Deep clean/).check()
    await page.getByLabel(/Oven clean/).check()
    await page.getByTestId("quote-update-totals").click()
    await page.getByTestId("quote-page").waitFor()
    // 240 + 45 = 285, VAT 57: £342.00, a tenth of it as the deposit.
    expect(await total(page)).toBe("£342.00")
    expect(await page.getByTestId("quote-deposit").innerText()).toBe("£34.20")
    expect(await page.getByLabel(/Deep clean/).isChecked()).toBe(true)
    await page.screenshot({ path: ".tmp/screenshots/portal-quote-phone.png", fullPage: true })
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(390)

    await page.getByTestId("quote-signed-name").fill("Quinn Quote")
    await page.getByTestId("quote-accept").click()
    expect(await page.getByRole("alert").innerText()).toContain("Tick the box")
    await page.getByTestId("quote-signed-name").fill("Quinn Quote")
    await page.getByTestId("quote-confirm").check()
    await page.getByTestId("quote-accept").click()
    await page.getByTestId("quote-done").waitFor()
    expect(await page.getByTestId("quote-status").innerText()).toBe("Accepted")
    expect(await page.getByTestId("quote-accepted").innerText()).toContain("Accepted by Quinn Quote: Deep clean, £342.00.")
    // No saved card and no JavaScript for a new one: accepted, the deposit still to pay.
    expect(await page.getByTestId("quote-deposit-status").innerText()).toBe("A deposit of £34.20 is due.")
    expect(await page.getByTestId("quote-pay-deposit").innerText()).toBe("Pay deposit £34.20")
    const [row] = await sql<{ total: string; optional_line_ids: string[] }>(`select total::text, optional_line_ids from quote_acceptance where quote_id = $1`, [
      quote.id,
    ])
    expect(Number(row.total)).toBe(342)
    expect(row.optional_line_ids).toEqual([quote.options[1].lines[1].id])
    expect(await page.getByTestId("quote-pdf").getAttribute("href")).toBe(`/quotes/${quote.id}/pdf`)
    await page.close()
  })

  it("with JavaScript the totals follow each click without a reload", async () => {
    const quote = await insertSentQuote({ customer_id: customer.customer.id, options: OPTIONS })
    const page = await signedInPage(true, 1280)
    await page.goto(portalUrl(`/quotes/${quote.id}`))
    await page.getByTestId("quote-page").waitFor()
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }))
    expect(await total(page)).toBe("£216.00")
    await page.getByLabel(/Deep clean/).check()
    await expect.poll(() => total(page)).toBe("£288.00")
    await page.getByLabel(/Oven clean/).check()
    await expect.poll(() => total(page)).toBe("£342.00")
    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true)
    await page.screenshot({ path: ".tmp/screenshots/portal-quote-desktop.png", fullPage: true })
    await page.close()
  })

  it("asks for changes on another quote, and the office gets the message", async () => {
    const quote = await insertSentQuote({ customer_id: customer.customer.id, options: OPTIONS, title: "Carpets, whole office" })
    const page = await signedInPage(false, 390)
    await page.goto(portalUrl(`/quotes/${quote.id}`))
    await page.getByTestId("quote-request-changes-open").click()
    await page.getByTestId("quote-request-changes-text").fill("Could you include the stairs?")
    await page.getByTestId("quote-request-changes").click()
    await page.getByTestId("quote-done").waitFor()
    expect(await page.getByTestId("quote-status").innerText()).toBe("Changes requested")
    const [event] = await sql<{ message: string }>(`select message from quote_event where quote_id = $1 and kind = 'changes_requested'`, [quote.id])
    expect(event.message).toBe("Could you include the stairs?")
    await page.close()
  })

  it("the emailed link takes a signed-in customer straight to the quote", async () => {
    const quote = await insertSentQuote({ customer_id: customer.customer.id, options: OPTIONS, title: "Windows, front and back" })
    const page = await signedInPage(false, 390)
    await page.goto(
      portalUrl(`/quote-link?token=${encodeURIComponent(sealQuoteToken({ quote_id: quote.id, customer_id: customer.customer.id }, "supersecret"))}`)
    )
    await page.getByTestId("quote-page").waitFor()
    expect(new URL(page.url()).pathname).toBe(`/quotes/${quote.id}`)
    expect(await page.getByRole("link", { name: "Back to quotes" }).count()).toBe(1)
    await page.goto(portalUrl("/quotes"))
    await page.screenshot({ path: ".tmp/screenshots/portal-quotes-list-phone.png", fullPage: true })
    expect(await page.getByTestId("quotes-open").getByText("Windows, front and back").count()).toBe(1)
    expect(await page.getByTestId("quotes-accepted").getByTestId("quote").count()).toBeGreaterThan(0)
    await page.close()
  })

  it("the emailed link opens the quote for a customer with no password, and only that quote", async () => {
    const admin = await adminToken()
    const created = await api("/admin/customers", { token: admin, body: { email: uniqueEmail("nopass"), first_name: "Nora", last_name: "Nopass" } })
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    const id = created.body.customer.id as string
    const quote = await insertSentQuote({ customer_id: id, options: OPTIONS, title: "Boiler service" })
    const other = await insertSentQuote({ customer_id: id, options: OPTIONS, title: "Gutters" })
    const token = sealQuoteToken({ quote_id: quote.id, customer_id: id }, "supersecret")

    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
    await page.goto(portalUrl(`/quote-link?token=${encodeURIComponent(token)}`))
    await page.getByTestId("quote-page").waitFor()
    expect(new URL(page.url()).pathname).toBe(`/quotes/${quote.id}`)
    expect(await page.getByTestId("quote-status").innerText()).toBe("Viewed")
    await page.getByTestId("quote-decline-open").click()
    await page.getByTestId("quote-decline-text").fill("We will do it ourselves.")
    await page.getByTestId("quote-decline").click()
    await page.getByTestId("quote-done").waitFor()
    expect(await page.getByTestId("quote-status").innerText()).toBe("Declined")

    // The session is for that one quote: another is sign-in.
    await page.goto(portalUrl(`/quotes/${other.id}`))
    expect(new URL(page.url()).pathname).toBe("/sign-in")
    await page.goto(portalUrl(`/quote-link?token=${encodeURIComponent(token.slice(0, -3))}xyz`))
    expect(await page.getByTestId("quote-link").innerText()).toContain("not valid or has expired")
    await page.close()
  })

  it("through the emailed link, on a phone: picks the better option and the extra, signs, pays the deposit with a new card; staff see it", async () => {
    const admin = await adminToken()
    const created = await api("/admin/customers", { token: admin, body: { email: uniqueEmail("deposit"), first_name: "Dana", last_name: "Deposit" } })
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    const id = created.body.customer.id as string
    const quote = await insertSentQuote({ customer_id: id, options: OPTIONS, title: "Kitchen deep clean", deposit: { kind: "percent", value: 10 } })
    const token = sealQuoteToken({ quote_id: quote.id, customer_id: id }, "supersecret")

    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await page.goto(portalUrl(`/quote-link?token=${encodeURIComponent(token)}`))
    await page.getByTestId("quote-page").waitFor()
    await page.getByLabel(/Deep clean/).check()
    await page.getByLabel(/Oven clean/).check()
    await expect.poll(() => total(page)).toBe("£342.00")
    await page.getByTestId("quote-signed-name").fill("Dana Deposit")
    await page.getByTestId("quote-confirm").check()
    expect(await page.getByTestId("quote-accept-card").innerText()).toContain("The deposit of £34.20 is taken from your card when you accept.")
    const frame = page.frameLocator('iframe[title="Secure card payment input frame"]')
    await frame.getByLabel("Card number").fill("4242 4242 4242 4242")
    await frame.getByLabel("Expiry date").fill("12 / 34")
    await frame.getByLabel("Security code").fill("123")
    await page.screenshot({ path: ".tmp/screenshots/portal-quote-deposit-phone.png", fullPage: true })
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.getByTestId("quote-accept").click()
    await page.getByTestId("quote-done").waitFor()
    expect(await page.getByTestId("quote-status").innerText()).toBe("Accepted")
    expect(await page.getByTestId("quote-deposit-status").innerText()).toBe("Deposit paid £34.20 on Visa •••• 4242.")
    expect(await page.getByTestId("quote-pay-deposit").count()).toBe(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.close()

    const staff = await signInToAdmin(browser)
    await staff.goto(`${inject("backendUrl")}/app/quotes/${quote.id}`)
    await staff.getByTestId("quote-acceptance").waitFor()
    expect(await staff.getByTestId("quote-status").innerText()).toBe("Accepted")
    expect(await staff.getByTestId("quote-deposit-status").innerText()).toBe("Deposit paid")
    expect(await staff.getByTestId("quote-deposit").innerText()).toMatch(/£34\.20[\s\S]*visa •••• 4242 · Stripe pi_/)
    expect(await staff.getByTestId("quote-history").innerText()).toContain("Deposit paid")
    await staff.close()
  })
})
