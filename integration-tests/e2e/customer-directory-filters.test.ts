import { randomUUID } from "node:crypto"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, uniqueEmail } from "../support/api"
import { insertBooking } from "../support/bookings"
import { sql } from "../support/db"
import { launchBrowser, signInToAdmin } from "../support/browser"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const listedIds = (page: Page) =>
  page.getByTestId("crm-directory-row").evaluateAll((elements) => elements.map((element) => element.getAttribute("data-customer-id")))
const chip = (page: Page, key: string) => page.locator(`[data-testid="crm-directory-filter"][data-filter="${key}"]`)
const chipValue = async (page: Page, key: string) =>
  // Date ranges use the locale's own spaces (thin ones around the dash).
  (await chip(page, key).getByTestId("crm-directory-filter-value").innerText()).replace(/\s/g, " ")
const editor = (page: Page) => page.getByTestId("crm-directory-filter-editor")
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name)

async function addFilter(page: Page, key: string) {
  await page.getByTestId("crm-directory-add-filter").click()
  await page.getByTestId(`crm-directory-add-filter-${key}`).click()
  await editor(page).waitFor()
}
async function closeEditor(page: Page) {
  await page.keyboard.press("Escape")
  await editor(page).waitFor({ state: "detached" })
}

/** Types a day into one of the editor's date pickers, segment by segment, in the order the admin's locale shows them. */
async function typeDay(page: Page, pickerTestId: string, digits: string) {
  await page.getByTestId(pickerTestId).locator('[role="spinbutton"]').first().click()
  await page.keyboard.type(digits)
}

/** What would make the directory scroll sideways: the page, or any box around the directory wider than it shows. */
const sidewaysOverflow = (page: Page) =>
  page.getByTestId("crm-directory").evaluate((directory) => {
    const found: string[] = []
    const root = document.documentElement
    if (root.scrollWidth > root.clientWidth) found.push(`page ${root.scrollWidth}/${root.clientWidth}`)
    for (let box = directory.parentElement; box && box !== document.body; box = box.parentElement) {
      if (box.scrollWidth > box.clientWidth + 1 || box.scrollLeft > 0) found.push(`${box.tagName} ${box.scrollWidth}/${box.clientWidth} at ${box.scrollLeft}`)
    }
    for (const part of Array.from(document.querySelectorAll('[data-testid="crm-directory-filters"], [data-testid="crm-directory-filter"]'))) {
      const { left, right } = part.getBoundingClientRect()
      if (left < 0 || right > root.clientWidth + 1) found.push(`${part.getAttribute("data-filter") ?? "filters"} from ${left} to ${right}`)
    }
    return found
  })

describe.sequential("Admin: the customer directory's visit and invoice filters", () => {
  it("filters by upcoming and last visit and overdue invoices with chips, shows dates in the admin's language and fits a phone", async () => {
    const token = await adminToken()
    const suffix = randomUUID()
      .replace(/[^a-f]/g, "")
      .slice(0, 6)
      .padEnd(6, "q")
    const create = async (first_name: string, last_name: string) => {
      const created = await api("/admin/customers", { token, body: { first_name, last_name, email: uniqueEmail(`dirf.${first_name.toLowerCase()}`) } })
      expect(created.status, JSON.stringify(created.body)).toBe(200)
      return created.body.customer as { id: string; email: string }
    }
    const ada = await create("Ada", `Visit${suffix}`)
    const ben = await create("Ben", `Visit${suffix}`)
    // Fixed days long past (and one far ahead), so the time of day the test runs changes nothing.
    await insertBooking({ email: ada.email, customer_id: ada.id, status: "completed", starts_at: "2024-03-12T10:00:00Z" })
    await insertBooking({ email: ben.email, customer_id: ben.id, status: "completed", starts_at: "2024-05-20T10:00:00Z" })
    await insertBooking({ email: ben.email, customer_id: ben.id, starts_at: "2035-06-01T09:00:00Z" })
    // Ben owes an invoice that fell due long ago.
    await sql(
      `insert into invoice (id, number, status, customer_id, currency_code, issued_at, due_at, bill_to, seller, total, raw_total)
       values ($1, $2, 'issued', $3, 'gbp', '2024-05-20T12:00:00Z', '2024-06-19T22:59:00Z', '{}', '{}', 96, '{"value":"96","precision":20}')`,
      [`inv_e2e_${suffix}`, `INV-E2E-${suffix}`, ben.id]
    )
    // A change to each customer refreshes their directory row, visits included.
    for (const customer of [ada, ben]) {
      expect((await api(`/admin/customers/${customer.id}/profile`, { token, body: { tags: [`Visits ${suffix}`] } })).status).toBe(200)
    }

    const page = await signInToAdmin(browser)
    // The admin's language set to English (UK) in Medusa: the browser itself says en-US.
    await page.context().addCookies([{ name: "lng", value: "enGB", url: inject("backendUrl") }])
    await page.goto(`${inject("backendUrl")}/app/crm?${new URLSearchParams({ q: `visit${suffix}` })}`)
    await expect.poll(() => listedIds(page)).toEqual([ada.id, ben.id])
    expect(await page.evaluate(() => navigator.language)).toBe("en-US")
    const adaRow = page.locator(`[data-testid="crm-directory-row"][data-customer-id="${ada.id}"]`)
    expect(await adaRow.getByTestId("crm-directory-row-last-visit").innerText()).toBe("12 Mar 2024")

    // Upcoming visit: Has one, then (the chip reopened) Has none, then removed.
    await addFilter(page, "upcoming")
    await page.getByTestId("crm-directory-upcoming-true").click()
    await expect.poll(() => listedIds(page)).toEqual([ben.id])
    expect(param(page, "has_upcoming_booking")).toBe("true")
    await closeEditor(page)
    expect(await chipValue(page, "upcoming")).toBe("Has one")
    await chip(page, "upcoming").getByTestId("crm-directory-filter-edit").click()
    await page.getByTestId("crm-directory-upcoming-false").click()
    await expect.poll(() => listedIds(page)).toEqual([ada.id])
    expect(await page.getByTestId("crm-directory-count").innerText()).toBe("1 customer")
    await closeEditor(page)
    await chip(page, "upcoming").getByTestId("crm-directory-filter-remove").click()
    await expect.poll(() => listedIds(page)).toEqual([ada.id, ben.id])
    expect(param(page, "has_upcoming_booking")).toBeNull()

    // Overdue invoices: Has some, then Has none, then removed.
    await addFilter(page, "overdue")
    await page.getByTestId("crm-directory-overdue-true").click()
    await expect.poll(() => listedIds(page)).toEqual([ben.id])
    expect(param(page, "has_overdue_invoices")).toBe("true")
    await closeEditor(page)
    expect(await chipValue(page, "overdue")).toBe("Has some")
    expect(await page.getByTestId("crm-directory-export").getAttribute("href")).toContain("has_overdue_invoices=true")
    await chip(page, "overdue").getByTestId("crm-directory-filter-edit").click()
    await page.getByTestId("crm-directory-overdue-false").click()
    await expect.poll(() => listedIds(page)).toEqual([ada.id])
    await closeEditor(page)
    expect(await chipValue(page, "overdue")).toBe("Has none")
    await chip(page, "overdue").getByTestId("crm-directory-filter-remove").click()
    await expect.poll(() => listedIds(page)).toEqual([ada.id, ben.id])
    expect(param(page, "has_overdue_invoices")).toBeNull()

    // Last visit, typed into Medusa's date pickers day first (en-GB); the address keeps ISO days, the chip the admin's words.
    await addFilter(page, "last_visit")
    await typeDay(page, "crm-directory-last-from", "12032024")
    await expect.poll(() => param(page, "last_booking_from")).toBe("2024-03-12")
    // The address changes before the page draws it again: the chip is waited for.
    await expect.poll(() => chipValue(page, "last_visit")).toBe("From 12 Mar 2024")
    await expect.poll(() => listedIds(page)).toEqual([ada.id, ben.id])
    await typeDay(page, "crm-directory-last-to", "30042024")
    await expect.poll(() => listedIds(page)).toEqual([ada.id])
    expect(param(page, "last_booking_to")).toBe("2024-04-30")
    await closeEditor(page)
    expect(await chipValue(page, "last_visit")).toBe("12 Mar – 30 Apr 2024")
    // Export takes the same filters.
    expect(await page.getByTestId("crm-directory-export").getAttribute("href")).toContain("last_booking_from=2024-03-12&last_booking_to=2024-04-30")

    // Editing the chip: From cleared (the picker's ×) leaves "Until …", which both match.
    await chip(page, "last_visit").getByTestId("crm-directory-filter-edit").click()
    await page.getByTestId("crm-directory-last-from").getByRole("button", { name: "Clear date" }).click()
    await expect.poll(() => param(page, "last_booking_from")).toBeNull()
    await expect.poll(() => chipValue(page, "last_visit")).toBe("Until 30 Apr 2024")
    await expect.poll(() => listedIds(page)).toEqual([ada.id])
    await typeDay(page, "crm-directory-last-to", "25052024")
    await expect.poll(() => param(page, "last_booking_to")).toBe("2024-05-25")
    await expect.poll(() => listedIds(page)).toEqual([ada.id, ben.id])
    await closeEditor(page)

    // A phone's width: the search, the chips and an open editor stay within the screen.
    await page.setViewportSize({ width: 390, height: 844 })
    await addFilter(page, "status")
    await page.getByTestId("crm-directory-status-archived").click()
    await closeEditor(page)
    await chip(page, "last_visit").getByTestId("crm-directory-filter-edit").click()
    const box = (await editor(page).boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(390)
    expect(await sidewaysOverflow(page)).toEqual([])
    await closeEditor(page)
    expect(await sidewaysOverflow(page)).toEqual([])

    // Clear all: every chip goes, and the list is everyone again.
    await page.getByTestId("crm-directory-clear").click()
    await expect.poll(() => page.getByTestId("crm-directory-filter").count()).toBe(0)
    expect(new URL(page.url()).search).toBe("")
    await page.close()
  }, 300_000)
})
