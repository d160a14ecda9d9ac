import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, latestEmail, signUpCustomer } from "../support/api"
import { launchBrowser, signInToAdmin } from "../support/browser"
import { sql } from "../support/db"
import { unzip } from "../support/data-requests"

let browser: Browser
/** The admin answers slowly while other test stacks share the machine. */
const WAIT = { timeout: 30_000 }

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${inject("portalUrl")}/sign-in`)
  await page.getByLabel("Email").fill(email)
  await page.getByLabel("Password").fill(password)
  await page.getByRole("button", { name: "Sign in" }).click()
  await page.waitForURL("**/account")
}

describe("Your data (portal, without JavaScript)", () => {
  it("asks for a copy from My account, then downloads the ZIP once from the emailed link", async () => {
    const customer = await signUpCustomer({ first_name: "Winifred", last_name: "Nojavascript" })
    const page = await browser.newPage({ javaScriptEnabled: false, acceptDownloads: true })
    await signIn(page, customer.email, customer.password)

    await page.getByTestId("your-data").getByRole("button", { name: "Download my data" }).click()
    await page.waitForURL("**/account")
    expect(await page.getByTestId("account-notice").innerText()).toMatch(/We are preparing your file and will email you a link/)

    const mail = await latestEmail(customer.email, "data-export-ready")
    expect(mail.data.download_url.startsWith(`${inject("portalUrl")}/account/data-export?`)).toBe(true)
    await page.goto(mail.data.download_url)
    await page.getByTestId("data-export-ready").waitFor()
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("data-export-download").click()])
    expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.zip$/)
    const stream = await download.createReadStream()
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    const zip = unzip(Buffer.concat(chunks))
    expect(zip.json("profile.json")).toMatchObject({ first_name: "Winifred", last_name: "Nojavascript", account_email: customer.email })

    // The same link again: it worked once, and the page says so.
    await page.goto(mail.data.download_url)
    expect(await page.getByTestId("data-export-unavailable").innerText()).toMatch(/You downloaded this file on .*ask for a new copy/)
    await page.goto(
      `${inject("portalUrl")}/account/data-export/download?export=${encodeURIComponent(new URL(mail.data.download_url).searchParams.get("export")!)}&token=${encodeURIComponent(new URL(mail.data.download_url).searchParams.get("token")!)}`
    )
    expect(await page.getByTestId("data-export-unavailable").innerText()).toMatch(/doesn't work any more|You downloaded this file/)
    await page.close()
  })
})

describe("Admin customer page: personal data", () => {
  it("erases the customer's personal data after staff type the customer's email, then shows who erased it", async () => {
    const customer = await signUpCustomer({ first_name: "Eustace", last_name: "Forgetme" })
    const page = await signInToAdmin(browser, { loginFormTimeout: 180_000 })
    await page.goto(`${inject("backendUrl")}/app/customers/${customer.customer.id}`)
    const widget = page.getByTestId("customer-data-requests")
    await widget.waitFor(WAIT)

    // "Download data": the file is made in the background and listed here.
    await widget.getByTestId("request-data-export").click()
    await expect.poll(() => widget.getByTestId("data-export-download").count(), WAIT).toBe(1)
    await latestEmail("admin@example.com", "data-export-ready-staff")

    await widget.getByTestId("erase-personal-data").click()
    const dialog = page.getByRole("alertdialog")
    await dialog.waitFor()
    expect(await dialog.innerText()).toContain(customer.email)
    const confirm = dialog.getByRole("button", { name: "Erase personal data" })
    // Nothing happens until the email is typed.
    expect(await confirm.isDisabled()).toBe(true)
    await dialog.locator("#verificationText").fill("not-the-email@example.test")
    expect(await confirm.isDisabled()).toBe(true)
    await dialog.locator("#verificationText").fill(customer.email)
    await confirm.click()

    await expect.poll(() => page.getByText("Personal data erased. The bookings and orders are kept").count(), WAIT).toBeGreaterThan(0)
    await expect.poll(() => widget.getByTestId("data-erased").textContent(), WAIT).toMatch(/Personal data erased on .* by admin@example\.com\./)
    // The export made before is gone with the rest.
    expect(await widget.getByTestId("data-export-download").count()).toBe(0)

    const [row] = await sql<{ first_name: string; email: string }>(`select first_name, email from customer where id = $1`, [customer.customer.id])
    expect(row).toEqual({ first_name: "Erased", email: `erased+${customer.customer.id.toLowerCase()}@erased.invalid` })
    const token = await adminToken()
    const history = (await api(`/admin/customers/${customer.customer.id}/activity`, { token })).body
    expect(history.activity.map((line: { kind: string }) => line.kind)).toEqual(["personal_data_erased"])
    await page.close()
  }, 300_000)
})
