import { randomUUID } from "node:crypto"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, uniqueEmail } from "../support/api"
import { launchBrowser, signInToAdmin } from "../support/browser"

/** Issue #16, item 4: the directory's Add tag prompt by keyboard, and Settings → Customer tags. */
let browser: Browser
let token: string
// Letters only, so searching for it is a name search that matches only this file's customers.
const suffix = randomUUID()
  .replace(/[^a-f]/g, "")
  .slice(0, 6)
  .padEnd(6, "q")

beforeAll(async () => {
  browser = await launchBrowser()
  token = await adminToken()
})
afterAll(async () => {
  await browser?.close()
})

async function customerWithTags(first_name: string, tags: string[]): Promise<string> {
  const created = await api("/admin/customers", {
    token,
    body: { first_name, last_name: `Tagg${suffix}`, email: uniqueEmail(`tags.${first_name.toLowerCase()}`) },
  })
  expect(created.status, JSON.stringify(created.body)).toBe(200)
  const id = created.body.customer.id as string
  expect((await api(`/admin/customers/${id}/profile`, { token, body: { tags } })).status).toBe(200)
  return id
}

const tagsOf = async (id: string) => (await api(`/admin/customers/${id}/profile`, { token })).body.profile.tags as string[]
const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null)

describe.sequential("Admin: customer tags", () => {
  it("Add tag in the directory takes the keyboard: arrow down and Enter add the suggestion, not what was typed", async () => {
    const regular = `Reg${suffix} Regular`
    await customerWithTags("Rita", [regular])
    const nina = await customerWithTags("Nina", [])
    const page = await signInToAdmin(browser)
    await page.goto(`${inject("backendUrl")}/app/crm?q=${suffix}`)
    const ninaRow = page.locator(`[data-testid="crm-directory-row"][data-customer-id="${nina}"]`)
    await ninaRow.waitFor()

    await ninaRow.getByTestId("crm-directory-row-actions").click()
    await page.getByTestId("crm-directory-action-tag").click()
    await page.getByTestId("crm-directory-add-tag").waitFor()
    // The box has the focus (not the row's menu button behind the prompt): typing goes into it.
    await expect.poll(() => focusedTestId(page)).toBe("crm-directory-add-tag-input")
    const typed = `reg${suffix}`
    await page.keyboard.type(typed)
    const input = page.getByTestId("crm-directory-add-tag-input")
    expect(await input.inputValue()).toBe(typed)
    const suggestion = page.getByRole("option", { name: regular })
    await suggestion.waitFor()
    await page.keyboard.press("ArrowDown")
    await expect.poll(() => suggestion.getAttribute("aria-selected")).toBe("true")
    expect(await input.getAttribute("aria-activedescendant")).toBe(await suggestion.getAttribute("id"))
    await page.keyboard.press("Enter")

    await page.getByTestId("crm-directory-add-tag").waitFor({ state: "hidden" })
    await expect.poll(() => ninaRow.getByTestId("crm-directory-row-tag").allInnerTexts()).toEqual([regular])
    expect(await tagsOf(nina)).toEqual([regular])
    // Enter did not reach the row menu behind the prompt.
    expect(await page.getByRole("menu").count()).toBe(0)

    // Enter with no suggestion highlighted adds what is typed; Escape closes the prompt.
    await ninaRow.getByTestId("crm-directory-row-actions").click()
    await page.getByTestId("crm-directory-action-tag").click()
    await expect.poll(() => focusedTestId(page)).toBe("crm-directory-add-tag-input")
    await page.keyboard.type(`Gate ${suffix}`)
    await page.keyboard.press("Enter")
    await page.getByTestId("crm-directory-add-tag").waitFor({ state: "hidden" })
    await expect.poll(() => ninaRow.getByTestId("crm-directory-row-tag").allInnerTexts()).toEqual([regular, `Gate ${suffix}`])
    await ninaRow.getByTestId("crm-directory-row-actions").click()
    await page.getByTestId("crm-directory-action-tag").click()
    await expect.poll(() => focusedTestId(page)).toBe("crm-directory-add-tag-input")
    await page.keyboard.press("Escape")
    await page.getByTestId("crm-directory-add-tag").waitFor({ state: "hidden" })
    expect(await tagsOf(nina)).toEqual([regular, `Gate ${suffix}`])
    await page.close()
  }, 300_000)

  it("Settings → Customer tags lists the tags with their customers, renames one and deletes one with a toast", async () => {
    const old = `Tagpage ${suffix} Old`
    const gone = `Tagpage ${suffix} Gone`
    const renamed = `Tagpage ${suffix} New`
    const first = await customerWithTags("Fern", [old, gone])
    const second = await customerWithTags("Sid", [old])
    const page = await signInToAdmin(browser)
    await page.goto(`${inject("backendUrl")}/app/settings/customer-tags`)
    await page.getByTestId("customer-tags-settings-page").waitFor()
    await page.getByTestId("customer-tags-search").fill(`tagpage ${suffix}`)
    const rowOf = (tag: string) => page.locator(`[data-testid="customer-tag-row"][data-tag="${tag}"]`)
    // Most used first, with how many customers carry each.
    await expect.poll(() => page.getByTestId("customer-tag-value").allInnerTexts()).toEqual([old, gone])
    expect(await page.getByTestId("customer-tag-count").allInnerTexts()).toEqual(["2", "1"])

    await rowOf(old).getByTestId("customer-tag-rename-open").click()
    await page.getByTestId("customer-tag-rename").waitFor()
    await expect.poll(() => focusedTestId(page)).toBe("customer-tag-rename-input")
    await page.getByTestId("customer-tag-rename-input").fill(renamed)
    await page.getByTestId("customer-tag-rename-save").click()
    await page.getByText(`“${old}” renamed to “${renamed}” (2 customers)`).waitFor()
    await page.getByTestId("customer-tag-rename").waitFor({ state: "hidden" })
    await expect.poll(() => page.getByTestId("customer-tag-value").allInnerTexts()).toEqual([renamed, gone])
    expect(await tagsOf(first)).toEqual([renamed, gone])
    expect(await tagsOf(second)).toEqual([renamed])

    await rowOf(gone).getByTestId("customer-tag-delete").click()
    const confirm = page.getByRole("alertdialog")
    await expect.poll(() => confirm.innerText()).toContain("1 customer will lose it")
    await confirm.getByRole("button", { name: "Delete" }).click()
    await page.getByText(`“${gone}” deleted from 1 customer`).waitFor()
    await expect.poll(() => page.getByTestId("customer-tag-value").allInnerTexts()).toEqual([renamed])
    expect(await tagsOf(first)).toEqual([renamed])
    await page.close()
  }, 300_000)
})
