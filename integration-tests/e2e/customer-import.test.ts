import { randomUUID } from "node:crypto"
import { readFile } from "node:fs/promises"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { CUSTOMER_CSV_COLUMNS } from "../../plugin/src/utils/customer-csv"
import { signInToAdmin, launchBrowser } from "../support/browser"
import { sql } from "../support/db"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const run = randomUUID().slice(0, 8)
const address = (label: string) => `${label}.${run}@e2e-import.test`

/** Three customers and, on line 3, a row whose email isn't one. */
const CSV = [
  "email,first_name,last_name,tags,city,address_1,postal_code,country_code",
  `${address("ivy")},Ivy,Import,E2E ${run},Leeds,1 Park Row,LS1 5AB,GB`,
  "ivy-at-example,Broken,Row,,,,,",
  `${address("ian")},Ian,Import,E2E ${run},,,,`,
  `${address("isla")},Isla,Import,,,,,`,
].join("\r\n")

/** Opens the import page; the development admin may reload itself once while it optimises new dependencies. */
async function openImportPage(page: Page) {
  await page.goto(`${inject("backendUrl")}/app/crm/import`)
  await page.getByTestId("customer-import-page").waitFor()
  await page.getByTestId("recent-imports").waitFor()
}

describe("Admin → CRM → Import customers", () => {
  it("imports a small CSV with one bad row, shows the report and downloads the rejected row", async () => {
    const page = await signInToAdmin(browser)
    await openImportPage(page)
    expect(await page.getByTestId("import-template-link").getAttribute("href")).toBe("/admin/crm/import-template")

    // The template downloads with the shared columns.
    const [template] = await Promise.all([page.waitForEvent("download"), page.getByTestId("import-template-link").click()])
    const templateText = await readFile((await template.path())!, "utf8")
    expect(
      templateText
        .replace(/^\uFEFF/, "")
        .split("\r\n")[0]
        .startsWith(CUSTOMER_CSV_COLUMNS.join(","))
    ).toBe(true)

    const start = page.getByTestId("import-start")
    for (let attempt = 1; ; attempt++) {
      await page.getByTestId("import-file-input").setInputFiles({ name: `e2e-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(CSV) })
      await page.getByTestId("import-existing-skip").click()
      await start.click()
      try {
        await page.getByTestId("import-report").waitFor({ timeout: 20_000 })
        break
      } catch (error) {
        // A reload swallowed the form; fill it in again.
        if (attempt === 3) throw error
        await openImportPage(page)
      }
    }

    const report = page.getByTestId("import-report")
    await expect.poll(() => report.getByTestId("import-status").innerText(), { timeout: 60_000 }).toBe("Finished")
    expect(await report.getByTestId("import-created").innerText()).toBe("3")
    expect(await report.getByTestId("import-rejected").innerText()).toBe("1")
    expect(await report.getByTestId("import-skipped").innerText()).toBe("0")
    expect(await report.getByTestId("import-progress").innerText()).toMatch(/4 of 4 rows read/)
    await page
      .getByTestId("recent-import-row")
      .filter({ hasText: `e2e-${run}.csv` })
      .first()
      .waitFor()

    const [download] = await Promise.all([page.waitForEvent("download"), report.getByTestId("import-download-rejected").click()])
    expect(download.suggestedFilename()).toBe(`e2e-${run}-rejected-rows.csv`)
    const rejected = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "").split("\r\n")
    expect(rejected).toEqual([
      "line,reason,email,first_name,last_name,tags,city,address_1,postal_code,country_code",
      `3,"""ivy-at-example"" is not a valid email address",ivy-at-example,Broken,Row,,,,,`,
      "",
    ])

    const imported = await sql<{ email: string }>("select email from customer where email like $1 order by email", [`%.${run}@e2e-import.test`])
    expect(imported.map((row) => row.email)).toEqual([address("ian"), address("isla"), address("ivy")])
    await page.close()
  }, 300_000)
})
