import { randomUUID } from "node:crypto"
import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, uniqueEmail } from "../support/api"
import { launchBrowser, signInToAdmin } from "../support/browser"
import { sql } from "../support/db"

let browser: Browser
let token: string
/** Letters only: Medusa's customer search matches words. */
const suffix =
  randomUUID()
    .replace(/[^a-z]/g, "")
    .slice(0, 6) || "merge"

beforeAll(async () => {
  browser = await launchBrowser()
  token = await adminToken()
})
afterAll(async () => {
  await browser?.close()
})

async function createCustomer(first_name: string, last_name: string) {
  const response = await api("/admin/customers", { token, body: { first_name, last_name, email: uniqueEmail(first_name.toLowerCase()) } })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body.customer as { id: string; email: string }
}

describe("Admin: merge two duplicate customers", () => {
  it("picks both customers, swaps them, checks the preview, confirms and lands on the primary", async () => {
    const keep = await createCustomer("Marjorie", `Keeper${suffix}`)
    const duplicate = await createCustomer("Marge", `Keeper${suffix}`)
    const business = await api(`/admin/customers/${duplicate.id}/business-profiles`, {
      token,
      body: {
        name: `Keeper Cleaning ${suffix}`,
        billing_email: `accounts.${suffix}@example.test`,
        address_1: "9 Quay Street",
        city: "Bristol",
        postal_code: "BS1 4DJ",
        country_code: "gb",
      },
    })
    expect(business.status).toBe(201)

    const page = await signInToAdmin(browser, { loginFormTimeout: 180_000 })
    await page.goto(`${inject("backendUrl")}/app/crm/merge`)
    await page.getByTestId("merge-page").waitFor()

    // Picked the wrong way round on purpose: the duplicate as the one to keep.
    const pick = async (role: "primary" | "secondary", name: string, email: string) => {
      await page.getByTestId(`merge-${role}-search`).fill(`Keeper${suffix}`)
      await page.getByTestId(`merge-${role}-option`).filter({ hasText: email }).click()
      await page.getByTestId(`merge-${role}-name`).filter({ hasText: name }).waitFor()
    }
    await pick("primary", `Marge Keeper${suffix}`, duplicate.email)
    await pick("secondary", `Marjorie Keeper${suffix}`, keep.email)
    await page.waitForURL((url) => url.searchParams.get("primary_id") === duplicate.id && url.searchParams.get("secondary_id") === keep.id)

    await page.getByTestId("merge-swap").click()
    await page
      .getByTestId("merge-primary-name")
      .filter({ hasText: `Marjorie Keeper${suffix}` })
      .waitFor()
    await page
      .getByTestId("merge-secondary-name")
      .filter({ hasText: `Marge Keeper${suffix}` })
      .waitFor()
    expect(new URL(page.url()).searchParams.get("primary_id")).toBe(keep.id)

    // The preview: the business profile moves, the first names differ and the primary's is kept.
    const preview = page.getByTestId("merge-preview")
    await preview.waitFor()
    const row = preview.locator('[data-testid="merge-count"][data-kind="business_profiles"]')
    expect(await row.locator("td").allInnerTexts()).toEqual(["Business profiles", "0", "1", "1 move", "1"])
    const firstName = preview.locator('[data-testid="merge-conflict"][data-field="first_name"]')
    expect(await firstName.locator("td").first().innerText()).toBe("First name")
    await firstName.getByText("Primary's").waitFor()
    await preview.getByText("can't be undone", { exact: false }).waitFor()

    // Confirm: the prompt says it cannot be undone.
    await page.getByTestId("merge-confirm").click()
    const prompt = page.getByRole("alertdialog")
    await prompt.getByText("This cannot be undone.", { exact: false }).waitFor()
    await prompt.getByRole("button", { name: "Merge customers", exact: true }).click()

    await page.getByTestId("merge-done").waitFor()
    await page.getByTestId("merge-open-primary").click()
    await page.waitForURL((url) => url.pathname === `/app/customers/${keep.id}`)
    await page.getByText(keep.email).first().waitFor()

    // The duplicate is gone, its business profile is the primary's, and both histories say so.
    const [gone] = await sql<{ deleted_at: Date | null }>(`SELECT deleted_at FROM customer WHERE id = $1`, [duplicate.id])
    expect(gone.deleted_at).not.toBeNull()
    const profiles = await api(`/admin/customers/${keep.id}/business-profiles`, { token })
    expect(profiles.body.business_profiles.map((profile: { name: string }) => profile.name)).toEqual([`Keeper Cleaning ${suffix}`])
    // Each side's history says what happened (besides how the two were made).
    const history = await sql<{ kind: string }>(
      `SELECT kind FROM customer_activity WHERE customer_id = ANY($1) AND kind LIKE 'customer_merged%' ORDER BY kind`,
      [[keep.id, duplicate.id]]
    )
    expect(history.map((entry) => entry.kind)).toEqual(["customer_merged", "customer_merged_into"])
    await page.close()
  })
})
