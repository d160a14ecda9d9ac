import { randomInt, randomUUID } from "node:crypto"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, uniqueEmail } from "../support/api"
import { launchBrowser, signInToAdmin } from "../support/browser"

/*
 * The directory finds customers by postcode (with or without its space), street and town, and
 * shows phones in one format; the merge picker finds them the same way; merging two records
 * with one name says which is which; the merged record opens read-only with a link to the
 * customer it went into, and is never offered for restoring.
 */

let browser: Browser
let token: string
/** Letters only, so a search for it is a name search that matches nobody from other tests. */
const suffix = randomUUID()
  .replace(/[^a-f]/g, "")
  .slice(0, 6)
  .padEnd(6, "q")
const digits = String(randomInt(100, 999))

beforeAll(async () => {
  browser = await launchBrowser()
  token = await adminToken()
})
afterAll(async () => {
  await browser?.close()
})

async function createCustomer(values: Record<string, unknown>) {
  const response = await api("/admin/customers", { token, body: { email: uniqueEmail("merged.e2e"), ...values } })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body.customer as { id: string; email: string }
}

const row = (page: Page, customerId: string) => page.locator(`[data-testid="crm-directory-row"][data-customer-id="${customerId}"]`)
const listedIds = (page: Page) =>
  page.getByTestId("crm-directory-row").evaluateAll((elements) => elements.map((element) => element.getAttribute("data-customer-id")))

describe.sequential("Admin: finding and merging duplicates", () => {
  it("finds customers by postcode without its space, street and town, in the directory and the merge picker, phones in one format", async () => {
    // Typed the international way without spaces; shown the national way.
    const ruth = await createCustomer({ first_name: "Ruth", last_name: `Larch${suffix}`, phone: `+4477009002${digits.slice(0, 2)}` })
    const address = await api(`/admin/customers/${ruth.id}/addresses`, {
      token,
      body: { address_1: `14 Juniper${suffix} Avenue`, city: `Redland${suffix}`, postal_code: "BS6 7QT", country_code: "gb" },
    })
    expect(address.status, JSON.stringify(address.body)).toBe(200)

    const page = await signInToAdmin(browser, { loginFormTimeout: 180_000 })
    await page.goto(`${inject("backendUrl")}/app/crm`)
    await page.getByTestId("crm-directory").waitFor()
    for (const query of [`bs67qt larch${suffix}`, `BS6 7QT larch${suffix}`, `juniper${suffix} avenue`, `redland${suffix}`]) {
      await page.getByTestId("crm-directory-search").fill(query)
      await expect.poll(() => listedIds(page), { message: query }).toEqual([ruth.id])
    }
    expect(await row(page, ruth.id).getByTestId("crm-directory-row-phone").innerText()).toBe(`07700 9002${digits.slice(0, 2)}`)

    // The merge picker searches as the directory does: her number typed another way finds her.
    await page.goto(`${inject("backendUrl")}/app/crm/merge`)
    await page.getByTestId("merge-primary-search").fill(`+44 7700 9002${digits.slice(0, 2)}`)
    const option = page.getByTestId("merge-primary-option").filter({ hasText: `Ruth Larch${suffix}` })
    await option.waitFor()
    expect(await option.innerText()).toContain(`07700 9002${digits.slice(0, 2)}`)
    await page.getByTestId("merge-primary-search").fill(`bs67qt larch${suffix}`)
    await option.waitFor()
    await page.close()
  }, 300_000)

  it("says which record is which when both have one name, and opens the merged record read-only with a link to the one kept", async () => {
    const name = { first_name: "Nora", last_name: `Twin${suffix}` }
    const kept = await createCustomer({ ...name, phone: `07700 9003${digits.slice(0, 2)}` })
    const duplicate = await createCustomer({ ...name, phone: `+44 7700 9003${digits.slice(0, 2)}` })

    const page = await signInToAdmin(browser)
    await page.goto(`${inject("backendUrl")}/app/crm/merge?primary_id=${kept.id}&secondary_id=${duplicate.id}`)
    const preview = page.getByTestId("merge-preview")
    await preview.waitFor()
    // One number written two ways is no conflict.
    expect(await preview.locator('[data-testid="merge-conflict"][data-field="phone"]').count()).toBe(0)
    await page.getByTestId("merge-confirm").click()
    const prompt = page.getByRole("alertdialog")
    await prompt.getByText(`Merge the two records of Nora Twin${suffix}?`).waitFor()
    expect(await prompt.innerText()).toContain(`Everything of Nora Twin${suffix} (${duplicate.email}) moves to Nora Twin${suffix} (${kept.email})`)
    await prompt.getByRole("button", { name: "Merge customers", exact: true }).click()
    await page.getByTestId("merge-done").waitFor()

    // In the directory it is listed as merged (not deleted), and offers no restore.
    await page.goto(`${inject("backendUrl")}/app/crm?q=twin${suffix}&status=deleted`)
    await page.getByTestId("crm-directory").waitFor()
    await expect.poll(() => page.getByTestId("crm-directory-count").innerText()).toBe("0 customers")
    await page.goto(`${inject("backendUrl")}/app/crm?q=twin${suffix}&status=merged`)
    await expect.poll(() => listedIds(page)).toEqual([duplicate.id])
    expect(await row(page, duplicate.id).getByTestId("crm-directory-row-status").innerText()).toBe("Merged")
    await row(page, duplicate.id).getByTestId("crm-directory-row-actions").click()
    expect(await page.locator('[data-testid^="crm-directory-action-"]').evaluateAll((items) => items.map((item) => item.getAttribute("data-testid")))).toEqual([
      "crm-directory-action-view",
    ])
    await page.keyboard.press("Escape")

    // Its page: read-only, saying where it went, with a link there.
    await row(page, duplicate.id).getByTestId("crm-directory-row-name").click()
    await page.waitForURL((url) => url.pathname.endsWith(`/app/crm/merged/${duplicate.id}`))
    const into = page.getByTestId("merged-customer-into")
    await into.waitFor()
    expect(await into.innerText()).toMatch(
      new RegExp(`^Merged into Nora Twin${suffix} \\(${kept.email.replace(/\./g, "\\.")}\\) on .+ by .+\\. All their records are there now`)
    )
    expect(await page.getByTestId("merged-customer-phone").innerText()).toBe(`07700 9003${digits.slice(0, 2)}`)
    await page.getByTestId("merged-customer-into-link").click()
    await page.waitForURL((url) => url.pathname.endsWith(`/app/customers/${kept.id}`))
    await page.getByText(kept.email).first().waitFor()
    await page.close()
  }, 300_000)
})
