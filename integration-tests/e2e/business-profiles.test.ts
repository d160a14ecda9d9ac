import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { signUpCustomer } from "../support/api"
import { launchBrowser, signInToPortal } from "../support/browser"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe("Edit info in My account", () => {
  it("adds other emails and a number, makes it the primary one, with the + button working without JavaScript", async () => {
    const { email, password } = await signUpCustomer({ first_name: "Eddie", last_name: "Info" })
    const page = await browser.newPage({ javaScriptEnabled: false })
    await signInToPortal(page, email, password)
    await page.getByRole("link", { name: "Edit info" }).click()
    await page.getByRole("heading", { name: "Edit info" }).waitFor()
    // The sign-in email is the primary one, named beside the other emails rather than offered as a choice.
    expect(await page.getByTestId("edit-sign-in-email").innerText()).toBe(email)
    expect(await page.locator('input[name="primary_email"]').count()).toBe(0)
    await page.getByLabel("Other email 1", { exact: true }).fill("eddie.home@example.com")
    await page.getByRole("button", { name: "Add another email" }).click()
    // The form came back with what was typed and one more row.
    expect(await page.getByLabel("Other email 1", { exact: true }).inputValue()).toBe("eddie.home@example.com")
    await page.getByLabel("Other email 2", { exact: true }).fill("Eddie.Work@Example.com")
    // The sign-up phone leads the numbers, marked primary; the new one becomes primary instead.
    expect(await page.getByLabel("Phone 1", { exact: true }).inputValue()).toBe("+44 7700 900000")
    expect(await page.locator("#primary-phone-1").isChecked()).toBe(true)
    await page.getByLabel("Phone 2", { exact: true }).fill("+44 7700 900777")
    await page.locator("#primary-phone-2").check()
    await page.getByRole("button", { name: "Save changes" }).click()
    await page.getByTestId("account-notice").waitFor()
    expect(await page.getByTestId("account-email").innerText()).toBe(email)
    const emails = await page.getByTestId("account-emails").innerText()
    expect(emails).toContain("eddie.home@example.com")
    expect(emails).toContain("eddie.work@example.com")
    expect(await page.getByTestId("account-phone").innerText()).toBe("+44 7700 900777")
    // The old primary is kept as another number.
    expect(await page.getByTestId("account-phones").innerText()).toContain("+44 7700 900000")
    await page.close()
  })
})

describe("the account's own email and phone", () => {
  it("shows the sign-in email and the sign-up phone as the primary ones, and offers that phone when booking", async () => {
    const customer = await signUpCustomer({ first_name: "Phoebe", last_name: "Primary" })
    const page = await browser.newPage({ javaScriptEnabled: false })
    await signInToPortal(page, customer.email, customer.password)
    expect(await page.getByTestId("account-email").innerText()).toBe(customer.email)
    expect(await page.getByTestId("account-phone").innerText()).toBe("+44 7700 900000")
    // Nothing else added: no "Other emails" or "Other phones", and no "None added" under the account email.
    expect(await page.getByTestId("account-emails").count()).toBe(0)
    expect(await page.getByTestId("account-phones").count()).toBe(0)
    expect(await page.getByRole("region", { name: "Your details" }).innerText()).not.toContain("None added")

    await page.goto(`${inject("portalUrl")}/book/dog-grooming/contact`)
    // No earlier steps answered: the flow starts at the option, so walk to the contact step.
    if (!(await page.getByTestId("booking-step-contact").count())) {
      await page.locator('input[name="variant_id"]').first().check()
      await page.getByRole("button", { name: "Continue" }).click()
      await page.locator('input[name="starts_at"]').first().check()
      await page.getByRole("button", { name: "Continue" }).click()
      await page.getByLabel("Address", { exact: true }).fill("4 Primary Place")
      await page.getByLabel("Town or city").fill("Bristol")
      await page.getByLabel("Postcode").fill("BS6 6AA")
      await page.getByRole("button", { name: "Continue" }).click()
    }
    await page.getByTestId("booking-step-contact").waitFor()
    expect(await page.locator('input[name="phone"]').inputValue()).toBe("+44 7700 900000")
    await page.close()
  })
})

describe("business profiles in My account", () => {
  it("adds a business profile, shows a clear error for a bad email, and deletes it", async () => {
    const { email, password } = await signUpCustomer({ first_name: "Beth", last_name: "Builder", kind: "business" })
    const page = await browser.newPage({ javaScriptEnabled: false })
    await signInToPortal(page, email, password)
    await page.getByRole("link", { name: "Add a business profile" }).click()
    await page.getByLabel("Business name").fill("Builder & Daughters Ltd")
    await page.getByLabel("Billing email").fill("not-an-email")
    await page.getByLabel("Address", { exact: true }).fill("9 Quarry Lane")
    await page.getByLabel("Town or city").fill("Leeds")
    await page.getByLabel("Postcode").fill("LS1 4AP")
    await page.getByRole("button", { name: "Save business profile" }).click()
    const alert = page.getByRole("alert").first()
    await alert.waitFor()
    expect(await alert.innerText()).toMatch(/email/i)

    await page.getByLabel("Billing email").fill("accounts@builderanddaughters.co.uk")
    await page.getByRole("button", { name: "Save business profile" }).click()
    await page.getByTestId("account-notice").waitFor()
    const profile = page.getByTestId("business-profile")
    expect(await profile.count()).toBe(1)
    expect(await profile.innerText()).toContain("Builder & Daughters Ltd")
    expect(await profile.innerText()).toContain("accounts@builderanddaughters.co.uk")

    await profile.getByRole("button", { name: "Delete" }).click()
    await page.getByTestId("business-profile-delete-confirm").waitFor()
    await page.getByRole("button", { name: "Delete this business profile" }).click()
    await page.getByTestId("account-notice").waitFor()
    expect(await page.getByTestId("business-profile").count()).toBe(0)
    await page.close()
  })
})
