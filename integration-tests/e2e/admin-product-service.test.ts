import { randomUUID } from "node:crypto"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api } from "../support/api"
import { launchBrowser, signInToAdmin } from "../support/browser"

type OpeningPeriod = { weekday: number; start: string; end: string }
type Service = { capacity: number; working_hours: OpeningPeriod[]; starting_rate: number; duration_minutes: number }

let browser: Browser
/** Window Cleaning's settings before this file changed them; put back whatever happens. */
let windowCleaning: { id: string; original: Service } | null = null
const createdProducts: string[] = []

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  const token = await adminToken()
  if (windowCleaning) {
    const { capacity, working_hours } = windowCleaning.original
    await api(`/admin/products/${windowCleaning.id}/service`, { token, body: { capacity, working_hours } })
  }
  for (const id of createdProducts) await api(`/admin/products/${id}`, { token, method: "DELETE" })
})

async function productIdByHandle(token: string, handle: string): Promise<string> {
  const { status, body } = await api(`/admin/products?handle=${handle}&fields=id`, { token })
  expect(status).toBe(200)
  return body.products[0].id
}

/** Opens (or reloads) the product's page and waits for the service widget's answer. */
async function openProduct(page: Page, productId: string) {
  const url = `${inject("backendUrl")}/app/products/${productId}`
  if (page.url() === url) await page.reload()
  else await page.goto(url)
  const widget = page.getByTestId("product-service-widget")
  await widget.waitFor()
  await widget.locator('[data-testid="product-service-duration"], [data-testid="product-service-none"]').first().waitFor()
  return widget
}

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText()

/** Sets one weekday in the opening hours editor: closed (null) or open with one period. */
async function setDay(page: Page, weekday: number, hours: { start: string; end: string } | null) {
  const toggle = page.getByTestId(`product-service-field-working_hours-${weekday}-open`)
  const isOpen = (await toggle.getAttribute("aria-checked")) === "true"
  if (isOpen !== (hours !== null)) await toggle.click()
  if (!hours) return
  await page.getByTestId(`product-service-field-working_hours-${weekday}-start-0`).fill(hours.start)
  await page.getByTestId(`product-service-field-working_hours-${weekday}-end-0`).fill(hours.end)
}

async function saveDrawer(page: Page, prefix: string) {
  await page.getByTestId(`${prefix}-save`).click()
  await page.getByTestId(`${prefix}-drawer`).waitFor({ state: "hidden" })
}

/** "YYYY-MM-DD" of the first Saturday at least two days from now in the business's time zone (past the lead time). */
function nextSaturday(timeZone: string): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date())
  const date = new Date(`${today}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 2)
  while (date.getUTCDay() !== 6) date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

const localTime = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso))

describe.sequential("Admin product page: bookable service", () => {
  it("shows Window Cleaning's service settings and changes its teams per window and Saturday hours", async () => {
    const token = await adminToken()
    const id = await productIdByHandle(token, "window-cleaning")
    const before = await api(`/admin/products/${id}/service`, { token })
    expect(before.status).toBe(200)
    const original = before.body.service as Service
    expect(original).toMatchObject({ capacity: 1 })
    windowCleaning = { id, original }
    const timeZone = before.body.time_zone as string

    const page = await signInToAdmin(browser)
    const widget = await openProduct(page, id)
    expect(await widget.getByRole("heading", { name: "Bookable service" }).isVisible()).toBe(true)
    // First on the page (the default layout): above Medusa's general section and the attributes (HS and MID codes).
    const general = page.getByRole("heading", { name: "Window Cleaning", level: 1 })
    const attributes = page.getByRole("heading", { name: "Attributes", exact: true })
    expect((await widget.boundingBox())!.y).toBeLessThan((await general.boundingBox())!.y)
    expect((await widget.boundingBox())!.y).toBeLessThan((await attributes.boundingBox())!.y)
    expect(await text(page, "product-service-duration")).toBe("1 hour")
    expect(await text(page, "product-service-rate")).toBe(`from £${original.starting_rate}`)
    expect(await text(page, "product-service-capacity")).toBe("1")
    expect(await page.getByTestId("product-service-area").allInnerTexts()).toEqual(["BS", "BA"])
    expect(await text(page, "product-service-window")).toBe("2 hours")
    expect(await text(page, "product-service-lead-time")).toBe("24 hours")
    expect(await text(page, "product-service-horizon")).toBe("42 days ahead")
    expect(await text(page, "product-service-time-zone")).toBe(timeZone)
    expect(await text(page, "product-service-hours-1")).toMatch(/Mon\s+08:00–18:00/)
    expect(await text(page, "product-service-hours-7")).toMatch(/Sun\s+Closed/)

    await page.getByTestId("product-service-edit").click()
    await page.getByTestId("product-service-drawer").waitFor()
    await page.getByTestId("product-service-field-capacity").fill("2")
    await setDay(page, 6, { start: "09:00", end: "13:00" })
    // Window cleaning concerns no dependents; ticking Pets makes its bookings ask which pet.
    const dependentTypes = page.getByTestId("product-service-dependent-types")
    expect(await dependentTypes.getByRole("checkbox", { checked: true }).count()).toBe(0)
    await dependentTypes.getByLabel("Pets").check()
    await saveDrawer(page, "product-service")
    await expect.poll(() => text(page, "product-service-capacity")).toBe("2")
    expect(await text(page, "product-service-hours-6")).toMatch(/Sat\s+09:00–13:00/)

    // After a reload the page shows what was saved.
    await openProduct(page, id)
    expect(await text(page, "product-service-capacity")).toBe("2")
    expect(await text(page, "product-service-hours-6")).toMatch(/Sat\s+09:00–13:00/)
    expect(await text(page, "product-service-hours-1")).toMatch(/Mon\s+08:00–18:00/)

    const saved = await api(`/admin/products/${id}/service`, { token })
    expect(saved.body.service.capacity).toBe(2)
    expect(saved.body.service.working_hours).toContainEqual({ weekday: 6, start: "09:00", end: "13:00" })
    expect(saved.body.service.working_hours.filter((hours: OpeningPeriod) => hours.weekday === 6)).toHaveLength(1)
    const pets = ((await api("/admin/dependent-types", { token })).body.dependent_types as { id: string; label_plural: string }[]).find(
      (type) => type.label_plural === "Pets"
    )!
    expect(saved.body.service.dependent_type_ids).toEqual([pets.id])

    // The portal offers Saturday windows within the new hours, two teams each.
    const saturday = nextSaturday(timeZone)
    const availability = await api(`/store/services/window-cleaning/availability?from=${saturday}&days=1`)
    expect(availability.status).toBe(200)
    const windows = availability.body.windows as { starts_at: string; ends_at: string; remaining: number }[]
    expect(windows.map((window) => localTime(window.starts_at, timeZone))).toEqual(["09:00", "11:00"])
    expect(windows.every((window) => localTime(window.ends_at, timeZone) <= "13:00")).toBe(true)
    expect(Math.max(...windows.map((window) => window.remaining))).toBe(2)

    // Put Window Cleaning back as it was: other tests rely on its capacity and hours.
    await page.getByTestId("product-service-edit").click()
    await page.getByTestId("product-service-drawer").waitFor()
    await page.getByTestId("product-service-field-capacity").fill(String(original.capacity))
    const originalSaturday = original.working_hours.find((hours) => hours.weekday === 6) ?? null
    await setDay(page, 6, originalSaturday)
    await page.getByTestId("product-service-dependent-types").getByLabel("Pets").uncheck()
    await saveDrawer(page, "product-service")
    await expect.poll(() => text(page, "product-service-capacity")).toBe(String(original.capacity))
    const restored = await api(`/admin/products/${id}/service`, { token })
    expect(restored.body.service.capacity).toBe(original.capacity)
    expect(restored.body.service.dependent_type_ids).toEqual([])
    const sortHours = (hours: OpeningPeriod[]) => [...hours].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
    expect(sortHours(restored.body.service.working_hours)).toEqual(sortHours(original.working_hours))
    await page.close()
  }, 300_000)

  it("makes a product bookable, refuses a bad area with the API's message, and stops offering it", async () => {
    const token = await adminToken()
    const created = await api("/admin/products", {
      token,
      body: { title: `Hedge Trimming ${randomUUID().slice(0, 6)}`, options: [{ title: "Default", values: ["Default"] }] },
    })
    expect(created.status).toBe(200)
    const id = created.body.product.id as string
    createdProducts.push(id)

    const page = await signInToAdmin(browser)
    const widget = await openProduct(page, id)
    expect(await widget.getByTestId("product-service-none").innerText()).toMatch(/not a bookable service/)

    await page.getByTestId("product-service-make-bookable").click()
    await page.getByTestId("product-service-new-drawer").waitFor()
    await page.getByTestId("product-service-new-field-duration_minutes").fill("90")
    // The currency is one of the store's, the store's default first; there is no price to type.
    expect(await text(page, "product-service-new-field-currency_code")).toBe("GBP")
    expect(await page.getByTestId("product-service-new-field-starting_rate").count()).toBe(0)
    await saveDrawer(page, "product-service-new")
    // No option has a price yet, so there is no "from" price to show.
    await expect.poll(() => text(page, "product-service-rate")).toBe("No option has a price in GBP yet")
    expect(await text(page, "product-service-duration")).toBe("1 h 30 min")
    expect(await text(page, "product-service-areas")).toBe("Everywhere")
    expect(await page.getByTestId("product-service-no-hours").isVisible()).toBe(true)
    expect(await text(page, "product-service-hours-3")).toMatch(/Wed\s+Closed/)

    // A bad area: the drawer stays open with the API's message and nothing is saved.
    await page.getByTestId("product-service-edit").click()
    await page.getByTestId("product-service-drawer").waitFor()
    await page.getByTestId("product-service-field-service_areas").fill("BS6, Bristol")
    await page.getByTestId("product-service-save").click()
    // Beside the field, naming the wrong area; not in a banner or a toast as well.
    await page.getByTestId("product-service-field-service_areas-error").waitFor()
    expect(await text(page, "product-service-field-service_areas-error")).toBe("“BRISTOL”: each area must be a postcode area or district such as BS or BS6.")
    expect(await page.getByTestId("product-service-error").count()).toBe(0)
    expect(await page.locator("[data-sonner-toast]").filter({ hasText: "each area" }).count()).toBe(0)
    // An opening period that ends before it starts is refused too.
    await page.getByTestId("product-service-field-service_areas").fill("bs6, BA1")
    await setDay(page, 3, { start: "17:00", end: "08:00" })
    await page.getByTestId("product-service-save").click()
    // Under the opening hours, not in a banner.
    await expect.poll(() => text(page, "product-service-field-working_hours-error")).toMatch(/Each opening period must end after it starts/)
    expect(await page.getByTestId("product-service-error").count()).toBe(0)
    await setDay(page, 3, { start: "08:00", end: "17:00" })
    await saveDrawer(page, "product-service")
    await expect.poll(() => page.getByTestId("product-service-area").allInnerTexts()).toEqual(["BS6", "BA1"])
    expect(await text(page, "product-service-hours-3")).toMatch(/Wed\s+08:00–17:00/)
    expect(await page.getByTestId("product-service-no-hours").count()).toBe(0)

    // Stop offering it: a confirmation first.
    await page.getByTestId("product-service-remove").click()
    await page.getByRole("button", { name: "Stop offering", exact: true }).click()
    await page.getByTestId("product-service-none").waitFor()
    expect((await api(`/admin/products/${id}/service`, { token })).body.service).toBeNull()
    await page.close()
  }, 300_000)
})
