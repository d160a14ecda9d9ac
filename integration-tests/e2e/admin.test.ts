import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { latestEmail } from "../support/api"
import { launchBrowser, signInToAdmin } from "../support/browser"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

// One test at a time: the first compiles the admin, the second reuses it.
describe.sequential("Medusa admin", () => {
  it("shows the customer profile widget on a customer's page", async () => {
    const page = await signInToAdmin(browser)

    await page.goto(`${inject("backendUrl")}/app/customers`)
    await page.getByText("james.carter@carterlettings.co.uk").click()
    const widget = page.getByTestId("customer-profile-widget")
    await widget.waitFor()
    expect(await widget.getByText("Customer profile").isVisible()).toBe(true)
    await expect.poll(() => page.getByTestId("customer-profile-kind").innerText()).toContain("Business")
    expect(await page.getByTestId("customer-profile-status").innerText()).toBe("Active")
    await page.close()
  }, 240_000)

  it("lets an editor change an FAQ that the portal's support page then shows", async () => {
    const page = await signInToAdmin(browser)
    await page.goto(`${inject("backendUrl")}/app/content`)
    const row = page.getByTestId("content-faqs-table-row").filter({ hasText: "Are your staff vetted and insured?" })
    await row.click()
    const answer = page.getByTestId("content-field-answer")
    await answer.fill("Yes: every fieldworker is DBS-checked and insured up to £10 million.")
    await page.getByTestId("content-save").click()
    await page.getByTestId("content-drawer").waitFor({ state: "hidden" })

    const portal = await browser.newPage()
    await portal.goto(`${inject("portalUrl")}/support`)
    const faq = portal.getByTestId("faq").filter({ hasText: "Are your staff vetted and insured?" })
    expect(await faq.textContent()).toContain("insured up to £10 million")
    await portal.close()

    // A blank answer is refused with the server's message and nothing changes.
    await row.click()
    await answer.fill("")
    await page.getByTestId("content-save").click()
    await page.getByTestId("content-field-answer-error").waitFor()
    expect(await page.getByTestId("content-field-answer-error").innerText()).toMatch(/^Answer /)
    expect(await page.getByTestId("content-error").count()).toBe(0)
    await page.close()
  }, 240_000)

  it("invites a customer to the portal from their page and shows when it was sent", async () => {
    const page = await signInToAdmin(browser)
    await page.goto(`${inject("backendUrl")}/app/customers`)
    await page.getByText("facilities@greenleafdental.co.uk").click()
    const widget = page.getByTestId("customer-portal-access")
    await widget.waitFor()
    expect(await widget.getByTestId("portal-last-invite").innerText()).toBe("Never")
    await widget.getByTestId("portal-invite").click()
    await expect.poll(() => widget.getByTestId("portal-last-invite").innerText()).not.toBe("Never")
    const mail = await latestEmail("facilities@greenleafdental.co.uk", "portal-invite")
    expect(mail.data.invite_url).toContain("/accept-invite?token=")
    await page.close()
  }, 240_000)
})
