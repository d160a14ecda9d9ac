import { randomUUID } from "node:crypto"
import type { Browser, Locator, Page } from "playwright-core"
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

async function openSettingsPage(page: Page) {
  await page.goto(`${inject("backendUrl")}/app/settings/custom-fields`)
  await page.getByTestId("custom-fields-settings-page").waitFor()
  // The tables have loaded once their rows or their empty message show.
  await page.getByTestId("customer-fields-section").waitFor()
}

/**
 * Clicks what opens a drawer until it is open: on its first visits the development admin may
 * reload the page once its bundler has optimised new dependencies, swallowing a click.
 */
async function openDrawer(page: Page, opener: Locator, drawerTestId: string) {
  const drawer = page.getByTestId(drawerTestId)
  for (let attempt = 1; ; attempt++) {
    await opener.click()
    try {
      await drawer.waitFor({ timeout: 15_000 })
      return
    } catch (error) {
      if (attempt === 4) throw error
    }
  }
}

/** Picks an option of one of the drawer's selects (Radix: the trigger, then the option). */
async function choose(page: Page, triggerTestId: string, optionTestId: string) {
  await page.getByTestId(triggerTestId).click()
  await page.getByTestId(optionTestId).click()
}

async function customerFields(token: string) {
  const { status, body } = await api("/admin/custom-fields?target_type=customer", { token })
  expect(status).toBe(200)
  return body.custom_fields as { id: string; key: string; label: string; type: string; value_count: number; config: any }[]
}

describe.sequential("Settings → Custom fields", () => {
  // Suffixes keep these apart from any fields the demo seeds or other tests create.
  const suffix =
    randomUUID()
      .replace(/[^a-z]/g, "")
      .slice(0, 5) || "extra"
  const label = `Preferred visit day ${suffix}`
  const key = `preferred_visit_day_${suffix}`

  it("creates a customer dropdown field, a Vehicles type with a VIN field, and deletes a field with a value after confirming", async () => {
    const token = await adminToken()
    const page = await signInToAdmin(browser, { loginFormTimeout: 180_000 })
    await openSettingsPage(page)

    // A customer dropdown field, its key suggested from the label.
    await openDrawer(page, page.getByTestId("customer-fields-add"), "custom-field-drawer")
    await page.getByTestId("custom-field-field-label").fill(label)
    expect(await page.getByTestId("custom-field-field-key").inputValue()).toBe(key)
    await choose(page, "custom-field-field-type", "custom-field-type-dropdown")
    await page.getByTestId("custom-field-field-options").fill("Monday\nWednesday\n\nFriday")
    await page.getByTestId("custom-field-field-required").click()
    await choose(page, "custom-field-field-visibility", "custom-field-visibility-customer")
    await page.getByTestId("custom-field-field-help_text").fill("We try to come on this day.")
    await page.getByTestId("custom-field-save").click()
    await page.getByTestId("custom-field-drawer").waitFor({ state: "hidden" })

    const row = page.getByTestId("customer-fields-row").and(page.locator(`[data-field-key="${key}"]`))
    await row.waitFor()
    expect(await row.getByTestId("custom-field-label").innerText()).toBe(label)
    expect(await row.getByTestId("custom-field-type").innerText()).toBe("Dropdown")
    expect(await row.getByTestId("custom-field-required").innerText()).toBe("Required")
    expect(await row.getByTestId("custom-field-visibility").innerText()).toBe("Customer")
    const saved = (await customerFields(token)).find((field) => field.key === key)
    expect(saved).toMatchObject({ label, type: "dropdown", required: true, visibility: "customer" })
    expect(saved?.config).toEqual({ options: ["Monday", "Wednesday", "Friday"] })

    // The key cannot change once the field exists.
    await openDrawer(page, row.getByTestId("custom-field-edit"), "custom-field-drawer")
    expect(await page.getByTestId("custom-field-field-key").isDisabled()).toBe(true)
    await page.getByTestId("custom-field-cancel").click()
    await page.getByTestId("custom-field-drawer").waitFor({ state: "hidden" })

    // A dependent type, Vehicles, with its own text field "VIN".
    const typesBefore = await api("/admin/dependent-types", { token })
    const knownTypeIds = new Set((typesBefore.body.dependent_types as { id: string }[]).map((type) => type.id))
    await openDrawer(page, page.getByTestId("dependent-type-create"), "dependent-type-drawer")
    await page.getByTestId("dependent-type-field-label_plural").fill("Vehicles")
    await page.getByTestId("dependent-type-field-label_singular").fill("Vehicle")
    await page.getByTestId("dependent-type-save").click()
    await page.getByTestId("dependent-type-drawer").waitFor({ state: "hidden" })

    const typesAfter = await api("/admin/dependent-types", { token })
    const vehicles = (typesAfter.body.dependent_types as { id: string; label_plural: string; label_singular: string }[]).find(
      (type) => !knownTypeIds.has(type.id)
    )
    expect(vehicles).toMatchObject({ label_plural: "Vehicles", label_singular: "Vehicle" })
    const typeBlock = page.locator(`[data-testid="dependent-type"][data-type-id="${vehicles!.id}"]`)
    await typeBlock.waitFor()
    expect(await typeBlock.getByTestId("dependent-type-label").innerText()).toBe("Vehicles")

    await openDrawer(page, typeBlock.getByTestId("dependent-type-fields-add"), "custom-field-drawer")
    await page.getByTestId("custom-field-field-label").fill("VIN")
    expect(await page.getByTestId("custom-field-field-key").inputValue()).toBe("vin")
    await page.getByTestId("custom-field-save").click()
    await page.getByTestId("custom-field-drawer").waitFor({ state: "hidden" })
    const vinRow = typeBlock.getByTestId("dependent-type-fields-row").and(page.locator('[data-field-key="vin"]'))
    await vinRow.waitFor()
    expect(await vinRow.getByTestId("custom-field-type").innerText()).toBe("Text")
    const vinFields = await api(`/admin/custom-fields?target_type=dependent_type&target_id=${vehicles!.id}`, { token })
    expect(vinFields.body.custom_fields).toEqual([expect.objectContaining({ key: "vin", label: "VIN", type: "text" })])
    // The customer fields did not get it.
    expect((await customerFields(token)).some((field) => field.key === "vin")).toBe(false)

    // A customer with a value for the dropdown field.
    const created = await api("/admin/customers", {
      token,
      body: { email: uniqueEmail("fields"), first_name: "Fiona", last_name: "Fields" },
    })
    expect(created.status).toBe(200)
    const customerId = created.body.customer.id as string
    const withValue = await api(`/admin/customers/${customerId}/profile`, { token, body: { custom_fields: { [key]: "Wednesday" } } })
    expect(withValue.status).toBe(200)

    // Deleting it asks first, with the API's message, and deletes once confirmed.
    await openSettingsPage(page)
    await row.waitFor()
    expect(await row.getByTestId("custom-field-value-count").innerText()).toBe("1 value")
    await row.getByTestId("custom-field-delete").click()
    const prompt = page.getByRole("alertdialog")
    await prompt.waitFor()
    const promptText = await prompt.innerText()
    expect(promptText).toContain("1 value")
    expect(promptText).toContain(label)
    // Keeping the field first: nothing changes.
    await prompt.getByRole("button", { name: "Keep field" }).click()
    await prompt.waitFor({ state: "hidden" })
    expect((await customerFields(token)).some((field) => field.key === key)).toBe(true)

    await row.getByTestId("custom-field-delete").click()
    await prompt.waitFor()
    await prompt.getByRole("button", { name: "Delete field and values" }).click()
    await row.waitFor({ state: "detached" })
    expect((await customerFields(token)).some((field) => field.key === key)).toBe(false)

    // The value went into the customer's activity history.
    const profile = await api(`/admin/customers/${customerId}/profile`, { token })
    expect(profile.status).toBe(200)
    const activity = (profile.body.profile.activity ?? []) as { kind: string; message: string }[]
    expect(activity.find((entry) => entry.kind === "custom_field_deleted")?.message).toContain("Wednesday")
    await page.close()
  }, 300_000)

  it("reorders and edits a type's fields, switches dependents in the portal, and deletes a type with dependents after confirming", async () => {
    const token = await adminToken()
    const type = await api("/admin/dependent-types", { token, body: { label_plural: `Boats ${suffix}`, label_singular: "Boat" } })
    expect(type.status).toBe(201)
    const typeId = type.body.dependent_type.id as string
    for (const [rank, field] of [
      { key: "hull_colour", label: "Hull colour", type: "text" },
      { key: "length_m", label: "Length (m)", type: "number", config: { min: 1, max: 100 } },
    ].entries()) {
      const created = await api("/admin/custom-fields", { token, body: { ...field, rank, target_type: "dependent_type", target_id: typeId } })
      expect(created.status).toBe(201)
    }
    const typeFields = async () => {
      const { body } = await api(`/admin/custom-fields?target_type=dependent_type&target_id=${typeId}`, { token })
      return (body.custom_fields as { key: string; label: string; rank: number }[]).sort((a, b) => a.rank - b.rank)
    }

    const page = await signInToAdmin(browser, { loginFormTimeout: 180_000 })
    await openSettingsPage(page)
    const typeBlock = page.locator(`[data-testid="dependent-type"][data-type-id="${typeId}"]`)
    const rows = typeBlock.getByTestId("dependent-type-fields-row")
    await rows.first().waitFor()
    expect(await rows.getByTestId("custom-field-key").allInnerTexts()).toEqual(["hull_colour", "length_m"])
    expect(await rows.nth(1).innerText()).toContain("1 to 100")

    // Move "Length (m)" up: the ranks follow.
    await rows.nth(1).getByTestId("custom-field-move-up").click()
    await expect.poll(async () => (await typeFields()).map((field) => field.key)).toEqual(["length_m", "hull_colour"])
    await page.reload()
    await rows.first().waitFor()
    expect(await rows.getByTestId("custom-field-key").allInnerTexts()).toEqual(["length_m", "hull_colour"])

    // Edit a label and the bounds; the key stays.
    await openDrawer(page, rows.first().getByTestId("custom-field-edit"), "custom-field-drawer")
    expect(await page.getByTestId("custom-field-field-min").inputValue()).toBe("1")
    await page.getByTestId("custom-field-field-label").fill("Length in metres")
    expect(await page.getByTestId("custom-field-field-key").inputValue()).toBe("length_m")
    await page.getByTestId("custom-field-field-max").fill("50")
    await page.getByTestId("custom-field-field-integer").click()
    await page.getByTestId("custom-field-save").click()
    await page.getByTestId("custom-field-drawer").waitFor({ state: "hidden" })
    await expect.poll(() => rows.first().getByTestId("custom-field-label").innerText()).toBe("Length in metres")
    const edited = await api(`/admin/custom-fields?target_type=dependent_type&target_id=${typeId}`, { token })
    const length = (edited.body.custom_fields as { key: string; label: string; config: any }[]).find((field) => field.key === "length_m")
    expect(length?.label).toBe("Length in metres")
    expect(length?.config).toMatchObject({ integer: true, min: 1, max: 50 })

    // A save the API refuses shows its message in the drawer.
    await openDrawer(page, typeBlock.getByTestId("dependent-type-fields-add"), "custom-field-drawer")
    await page.getByTestId("custom-field-field-label").fill("Hull colour")
    await page.getByTestId("custom-field-save").click()
    await page.getByTestId("custom-field-error").waitFor()
    expect(await page.getByTestId("custom-field-error").innerText()).toMatch(/hull_colour|already|exists|unique/i)
    // The label typed is not saved: Cancel asks before dropping it.
    await page.getByTestId("custom-field-cancel").click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Discard changes" }).click()
    await page.getByTestId("custom-field-drawer").waitFor({ state: "hidden" })

    // The portal switch for dependents, and back.
    const before = (await api("/admin/portal/settings", { token })).body.settings.dependents_enabled as boolean
    const portalSwitch = page.getByTestId("dependents-enabled-switch")
    expect(await portalSwitch.getAttribute("aria-checked")).toBe(String(before))
    await portalSwitch.click()
    await expect.poll(async () => (await api("/admin/portal/settings", { token })).body.settings.dependents_enabled).toBe(!before)
    await expect.poll(() => portalSwitch.getAttribute("aria-checked")).toBe(String(!before))
    await expect.poll(() => portalSwitch.isEnabled()).toBe(true)
    await portalSwitch.click()
    await expect.poll(async () => (await api("/admin/portal/settings", { token })).body.settings.dependents_enabled).toBe(before)

    // A type with a customer's boat in it: deleting asks first.
    const customer = await api("/admin/customers", { token, body: { email: uniqueEmail("boats"), first_name: "Bo", last_name: "Sun" } })
    const boat = await api(`/admin/customers/${customer.body.customer.id}/dependents`, {
      token,
      body: { type_id: typeId, name: "Saltwind", custom_fields: { hull_colour: "Blue" } },
    })
    expect(boat.status).toBe(201)
    await page.reload()
    await typeBlock.waitFor()
    expect(await typeBlock.getByTestId("dependent-type-details").innerText()).toContain("1 record")
    await typeBlock.getByTestId("dependent-type-delete").click()
    const prompt = page.getByRole("alertdialog")
    await prompt.waitFor()
    expect(await prompt.innerText()).toContain(`Boats ${suffix}`)
    await prompt.getByRole("button", { name: /^Delete/ }).click()
    await typeBlock.waitFor({ state: "detached" })
    const types = await api("/admin/dependent-types", { token })
    expect((types.body.dependent_types as { id: string }[]).some((entry) => entry.id === typeId)).toBe(false)
    await page.close()
  }, 300_000)
})
