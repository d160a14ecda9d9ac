import { randomInt, randomUUID } from "node:crypto"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, uniqueEmail } from "../support/api"
import { launchBrowser, signInToAdmin } from "../support/browser"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function createCustomer(token: string, details: { first_name: string; last_name: string; email: string }): Promise<string> {
  const created = await api("/admin/customers", { token, body: details })
  expect(created.status, JSON.stringify(created.body)).toBe(200)
  return created.body.customer.id
}

const rows = (page: Page) => page.getByTestId("crm-directory-row")
const row = (page: Page, customerId: string) => page.locator(`[data-testid="crm-directory-row"][data-customer-id="${customerId}"]`)
/** The customer ids listed, in order. */
const listedIds = (page: Page) => rows(page).evaluateAll((elements) => elements.map((element) => element.getAttribute("data-customer-id")))

/** Opens a row's menu and picks one of its actions. */
async function rowAction(page: Page, customerId: string, action: string) {
  await row(page, customerId).getByTestId("crm-directory-row-actions").click()
  await page.getByTestId(`crm-directory-action-${action}`).click()
}

const STATUSES = ["active", "blocked", "archived", "deleted", "merged"]

/** An active filter's chip ("status", "tag", "custom:<field key>"…). */
const chip = (page: Page, key: string) => page.locator(`[data-testid="crm-directory-filter"][data-filter="${key}"]`)
const chipKeys = (page: Page) => page.getByTestId("crm-directory-filter").evaluateAll((chips) => chips.map((chip) => chip.getAttribute("data-filter")))
const editor = (page: Page) => page.getByTestId("crm-directory-filter-editor")

/** Add filter → the menu's item: the new chip opens its editor at once. */
async function addFilter(page: Page, key: string) {
  await page.getByTestId("crm-directory-add-filter").click()
  await page.getByTestId(`crm-directory-add-filter-${key}`).click()
  await editor(page).waitFor()
}

/** Closes the open editor for good (a click while it is still closing would not open another). */
async function closeEditor(page: Page) {
  await page.keyboard.press("Escape")
  await editor(page).waitFor({ state: "detached" })
}

/** Ticks the wanted statuses in the status filter (added from the menu, or its chip reopened), then unticks the others (one always stays ticked). */
async function showStatuses(page: Page, wanted: string[]) {
  if (await chip(page, "status").count()) await chip(page, "status").getByTestId("crm-directory-filter-edit").click()
  else await addFilter(page, "status")
  for (const status of [...wanted, ...STATUSES.filter((status) => !wanted.includes(status))]) {
    const item = page.getByTestId(`crm-directory-status-${status}`)
    const checked = (await item.getAttribute("data-state")) === "checked"
    if (checked !== wanted.includes(status)) await item.click()
    await expect.poll(() => item.getAttribute("data-state")).toBe(wanted.includes(status) ? "checked" : "unchecked")
  }
  await closeEditor(page)
}

describe.sequential("Admin: the customer directory", () => {
  it("finds a customer by a phone number written another way, filters by tag and custom field from Add filter, archives, deletes and restores from the row menu", async () => {
    const token = await adminToken()
    // Letters only, so the search for it is a name search and matches nobody from other tests.
    const suffix = randomUUID()
      .replace(/[^a-f]/g, "")
      .slice(0, 6)
      .padEnd(6, "q")
    const vip = `Dir VIP ${suffix}`
    const digits = String(randomInt(100_000, 999_999))

    const olivia = { first_name: "Olivia", last_name: `Marsh${suffix}`, email: uniqueEmail("dir.olivia") }
    const peter = { first_name: "Peter", last_name: `Stone${suffix}`, email: uniqueEmail("dir.peter") }
    // A customer dropdown field; Olivia heard of the business from a flyer.
    const sourceKey = `dir_source_${suffix}`
    const sourceLabel = `Heard of us ${suffix}`
    const field = await api("/admin/custom-fields", {
      token,
      body: { target_type: "customer", key: sourceKey, label: sourceLabel, type: "dropdown", visibility: "staff", config: { options: ["Flyer", "Friend"] } },
    })
    expect(field.status, JSON.stringify(field.body)).toBe(201)
    const oliviaId = await createCustomer(token, olivia)
    const peterId = await createCustomer(token, peter)
    // Olivia: an extra mobile written the national way, and a tag; Peter: another tag.
    const oliviaProfile = await api(`/admin/customers/${oliviaId}/profile`, {
      token,
      body: { emails: [], phones: [{ number: `07911 ${digits}`, type: "mobile" }], tags: [vip], custom_fields: { [sourceKey]: "Flyer" } },
    })
    expect(oliviaProfile.status, JSON.stringify(oliviaProfile.body)).toBe(200)
    expect((await api(`/admin/customers/${peterId}/profile`, { token, body: { tags: [`Dir Regular ${suffix}`] } })).status).toBe(200)

    const page = await signInToAdmin(browser)

    // The dashboard's customer list points to the directory.
    await page.goto(`${inject("backendUrl")}/app/customers`)
    await page.getByTestId("customer-list-portal-link").click()
    await page.waitForURL((url) => url.pathname.endsWith("/app/crm"))
    await page.getByTestId("crm-directory").waitFor()
    await expect.poll(() => page.getByTestId("crm-directory-count").innerText()).toMatch(/^[\d,]+\+? customers?$/)

    // The mobile written the international way, with other spacing, finds Olivia alone.
    await page.getByTestId("crm-directory-search").fill(`+44 7911 ${digits.slice(0, 3)} ${digits.slice(3)}`)
    await expect.poll(() => listedIds(page)).toEqual([oliviaId])
    expect(await page.getByTestId("crm-directory-count").innerText()).toBe("1 customer")
    expect(await row(page, oliviaId).getByTestId("crm-directory-row-name").innerText()).toBe(`Olivia Marsh${suffix}`)
    expect(await row(page, oliviaId).getByTestId("crm-directory-row-phone").innerText()).toBe(`07911 ${digits}`)
    expect(new URL(page.url()).searchParams.get("q")).toBe(`+44 7911 ${digits.slice(0, 3)} ${digits.slice(3)}`)

    // Both by name, A–Z; then only the VIP one, picked from the tags in use.
    await page.getByTestId("crm-directory-search").fill(suffix)
    await expect.poll(() => listedIds(page)).toEqual([oliviaId, peterId])
    await page.getByTestId("crm-directory-sort-name").click()
    await expect.poll(() => listedIds(page)).toEqual([peterId, oliviaId])
    // Add filter → Tags: the chip shows at once with its editor open, and no value yet.
    expect(await chipKeys(page)).toEqual([])
    await addFilter(page, "tag")
    expect(await chipKeys(page)).toEqual(["tag"])
    expect(await chip(page, "tag").getByTestId("crm-directory-filter-value").count()).toBe(0)
    await page.getByTestId("crm-directory-tag-filter-input").fill(`Dir VIP ${suffix}`)
    await page.getByTestId("crm-directory-tag-filter-suggestion").filter({ hasText: vip }).click()
    await expect.poll(() => listedIds(page)).toEqual([oliviaId])
    expect(await row(page, oliviaId).getByTestId("crm-directory-row-tag").allInnerTexts()).toEqual([vip])
    expect(new URL(page.url()).searchParams.getAll("tag")).toEqual([vip])
    await closeEditor(page)
    expect(await chip(page, "tag").getByTestId("crm-directory-filter-value").innerText()).toBe(vip)

    // Export downloads exactly what is listed, with the staff member's session.
    const exportHref = await page.getByTestId("crm-directory-export").getAttribute("href")
    expect(exportHref).toContain("/admin/crm/customers/export?")
    const csv = await page.request.get(new URL(exportHref!, page.url()).toString())
    expect(csv.status()).toBe(200)
    const csvText = await csv.text()
    expect(csvText).toContain(olivia.email)
    expect(csvText).not.toContain(peter.email)

    // Clicking the chip reopens its editor: another tag narrows the list to nobody; taking it off there widens it again.
    await chip(page, "tag").getByTestId("crm-directory-filter-edit").click()
    await page.getByTestId("crm-directory-tag-filter-input").fill(`Dir Regular ${suffix}`)
    await page
      .getByTestId("crm-directory-tag-filter-suggestion")
      .filter({ hasText: `Dir Regular ${suffix}` })
      .click()
    await expect.poll(() => listedIds(page)).toEqual([])
    expect(new URL(page.url()).searchParams.getAll("tag")).toEqual([vip, `Dir Regular ${suffix}`])
    expect(await chip(page, "tag").getByTestId("crm-directory-filter-value").innerText()).toBe(`${vip} and Dir Regular ${suffix}`)
    await page.getByTestId("crm-directory-tag-remove").last().click()
    await expect.poll(() => listedIds(page)).toEqual([oliviaId])
    await closeEditor(page)

    // × removes the filter: its chip goes and the address loses it.
    await chip(page, "tag").getByTestId("crm-directory-filter-remove").click()
    await expect.poll(() => listedIds(page)).toEqual([peterId, oliviaId])
    expect(await chipKeys(page)).toEqual([])
    expect(new URL(page.url()).searchParams.has("tag")).toBe(false)

    // A filter added and closed without a value goes away again.
    await addFilter(page, "upcoming")
    await closeEditor(page)
    await expect.poll(() => chipKeys(page)).toEqual([])

    // A custom field is its own filter in the menu: its chip reads "<field> is <value>".
    await addFilter(page, `custom:${sourceKey}`)
    await page.getByTestId("crm-directory-custom-option-Flyer").click()
    await expect.poll(() => listedIds(page)).toEqual([oliviaId])
    expect(new URL(page.url()).searchParams.get(`custom[${sourceKey}]`)).toBe("Flyer")
    await closeEditor(page)
    expect(await chip(page, `custom:${sourceKey}`).innerText()).toBe(`${sourceLabel}\nis\nFlyer`)
    await chip(page, `custom:${sourceKey}`).getByTestId("crm-directory-filter-edit").click()
    await page.getByTestId("crm-directory-custom-option-Friend").click()
    await expect.poll(() => listedIds(page)).toEqual([])
    expect(await page.getByTestId("crm-directory-message").innerText()).toContain("No customers match")
    await closeEditor(page)
    expect(await chip(page, `custom:${sourceKey}`).getByTestId("crm-directory-filter-value").innerText()).toBe("Friend")
    await chip(page, `custom:${sourceKey}`).getByTestId("crm-directory-filter-remove").click()
    await expect.poll(() => listedIds(page)).toEqual([peterId, oliviaId])
    expect(new URL(page.url()).searchParams.has(`custom[${sourceKey}]`)).toBe(false)

    // Add tag: a new one, typed in the small prompt.
    await rowAction(page, peterId, "tag")
    await page.getByTestId("crm-directory-add-tag-input").fill(`Dir Gate ${suffix}`)
    await page.getByTestId("crm-directory-add-tag-save").click()
    await page.getByTestId("crm-directory-add-tag").waitFor({ state: "hidden" })
    await expect.poll(() => row(page, peterId).getByTestId("crm-directory-row-tag").allInnerTexts()).toEqual([`Dir Regular ${suffix}`, `Dir Gate ${suffix}`])

    // Archive Peter: he leaves the usual list and is listed under Archived.
    await rowAction(page, peterId, "archive")
    await page.getByRole("alertdialog").getByRole("button", { name: "Archive" }).click()
    await page.getByText(`Customer archived: Peter Stone${suffix}`).waitFor()
    await expect.poll(() => listedIds(page)).toEqual([oliviaId])
    await showStatuses(page, ["archived"])
    await expect.poll(() => listedIds(page)).toEqual([peterId])
    expect(await row(page, peterId).getByTestId("crm-directory-row-status").innerText()).toBe("Archived")
    expect(new URL(page.url()).searchParams.get("status")).toBe("archived")
    expect(await chip(page, "status").getByTestId("crm-directory-filter-value").innerText()).toBe("Archived")

    // Delete Olivia (after confirming): she leaves the list and shows under Deleted, where she can only be restored.
    await showStatuses(page, ["active", "blocked"])
    await expect.poll(() => listedIds(page)).toEqual([oliviaId])
    await rowAction(page, oliviaId, "delete")
    const confirm = page.getByRole("alertdialog")
    expect(await confirm.innerText()).toContain("30 days")
    await confirm.getByRole("button", { name: "Delete" }).click()
    await page.getByText(`Olivia Marsh${suffix} deleted.`, { exact: false }).waitFor()
    await expect.poll(() => listedIds(page)).toEqual([])
    expect(await page.getByTestId("crm-directory-message").innerText()).toContain("No customers match")

    await showStatuses(page, ["deleted"])
    await expect.poll(() => listedIds(page)).toEqual([oliviaId])
    expect(await row(page, oliviaId).getByTestId("crm-directory-row-status").innerText()).toBe("Deleted")
    await row(page, oliviaId).getByTestId("crm-directory-row-actions").click()
    expect(await page.locator('[data-testid^="crm-directory-action-"]').evaluateAll((items) => items.map((item) => item.getAttribute("data-testid")))).toEqual([
      "crm-directory-action-restore",
    ])
    await page.getByTestId("crm-directory-action-restore").click()
    await page.getByText(`Olivia Marsh${suffix} restored.`, { exact: false }).waitFor()
    await expect.poll(() => listedIds(page)).toEqual([])

    // Clear all ends every filter and the search, keeping the order: back in the usual list, active again.
    expect(await chipKeys(page)).toEqual(["status"])
    await page.getByTestId("crm-directory-clear").click()
    await expect.poll(() => new URL(page.url()).search).toBe("?order=-name")
    await expect.poll(() => chipKeys(page)).toEqual([])
    expect(await page.getByTestId("crm-directory-search").inputValue()).toBe("")
    expect(await page.getByTestId("crm-directory-clear").count()).toBe(0)
    await page.getByTestId("crm-directory-search").fill(suffix)
    await expect.poll(() => listedIds(page)).toEqual([oliviaId])
    expect(await row(page, oliviaId).getByTestId("crm-directory-row-status").innerText()).toBe("Active")

    // The API agrees, and a row click opens the customer's page.
    const listed = await api(`/admin/crm/customers?q=${suffix}&status=active,archived`, { token })
    expect(listed.status).toBe(200)
    expect(listed.body.customers.map((customer: { id: string; status: string }) => [customer.id, customer.status])).toEqual([
      [oliviaId, "active"],
      [peterId, "archived"],
    ])
    // A link with filters in its address shows them as chips.
    await page.goto(`${inject("backendUrl")}/app/crm?${new URLSearchParams({ q: suffix, status: "active,archived", tag: `Dir Regular ${suffix}` })}`)
    await expect.poll(() => listedIds(page)).toEqual([peterId])
    expect(await chipKeys(page)).toEqual(["status", "tag"])
    expect(await chip(page, "status").getByTestId("crm-directory-filter-value").innerText()).toBe("Active, Archived")
    await chip(page, "status").getByTestId("crm-directory-filter-remove").click()
    await expect.poll(() => listedIds(page)).toEqual([])
    await page.getByTestId("crm-directory-clear").click()
    await page.getByTestId("crm-directory-search").fill(suffix)
    await expect.poll(() => listedIds(page)).toEqual([oliviaId])
    await row(page, oliviaId).locator("td").nth(1).click()
    await page.waitForURL((url) => url.pathname.endsWith(`/app/customers/${oliviaId}`))
  }, 300_000)
})
