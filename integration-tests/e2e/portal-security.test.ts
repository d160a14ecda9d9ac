import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { api, latestEmail, signUpCustomer, TINY_PNG } from "../support/api"
import { launchBrowser } from "../support/browser"

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** A browser context that records every Content-Security-Policy violation its pages report. */
async function watchedContext(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options)
  await context.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __csp: string[] }).__csp = [])
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`))
  })
  await context.route("https://tile.openstreetmap.org/**", (route) => route.fulfill({ status: 200, contentType: "image/png", body: TINY_PNG }))
  return context
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${inject("portalUrl")}/sign-in`)
  await page.getByLabel("Email").fill(email)
  await page.getByLabel("Password").fill(password)
  await page.getByRole("button", { name: "Sign in" }).click()
}

describe("the portal's Content-Security-Policy in a real browser", () => {
  it("lets the portal's own pages, the map and Stripe's card form work without a single violation", async () => {
    const customer = await signUpCustomer({ first_name: "Cora", last_name: "Policy" })
    const service = (await api("/store/services/gutter-clearing")).body.service
    const windows = (await api("/store/services/gutter-clearing/availability?days=28")).body.windows as { starts_at: string }[]
    let bookingId: string | null = null
    for (const window of windows.slice(10)) {
      const placed = await api("/store/customers/me/bookings", {
        token: customer.token,
        body: {
          service_id: service.id,
          variant_id: service.variants[0].id,
          starts_at: window.starts_at,
          location: { address: { address_1: "4 Policy Row", city: "Bristol", postal_code: "BS6 6AS", country_code: "gb" } },
        },
      })
      if (placed.status === 201) {
        bookingId = placed.body.booking.id
        break
      }
    }
    expect(bookingId).not.toBeNull()

    const context = await watchedContext()
    const page = await context.newPage()
    await signIn(page, customer.email, customer.password)
    await page.getByRole("heading", { name: "My account" }).waitFor()
    expect(await violations(page)).toEqual([])

    await page.goto(`${inject("portalUrl")}/bookings/${bookingId}`)
    await expect.poll(() => page.getByTestId("booking-map").getAttribute("data-state"), { timeout: 15_000 }).toBe("ready")
    expect(await violations(page)).toEqual([])

    await page.goto(`${inject("portalUrl")}/account/payments/add`)
    await page.frameLocator('iframe[title="Secure card payment input frame"]').getByLabel("Card number").waitFor()
    expect(await violations(page)).toEqual([])

    // A script slipped into the page (as an injection would) does not run.
    await page.evaluate(() => {
      const script = document.createElement("script")
      script.textContent = "window.__injected = true"
      document.body.append(script)
    })
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined()
    expect((await violations(page)).join("\n")).toMatch(/script-src/)
    await context.close()
  })

  it("refuses a form another site posts into the portal", async () => {
    const context = await watchedContext()
    const page = await context.newPage()
    const demo = inject("demo")
    await signIn(page, demo.customerEmail, demo.customerPassword)
    await page.getByRole("heading", { name: "My account" }).waitFor()

    // A page on another site that posts a form to the portal when opened.
    await page.goto("about:blank")
    await page.setContent(`<form method="post" action="${inject("portalUrl")}/forgot-password"><input name="email" value="victim@example.test"></form>`)
    await Promise.all([page.waitForURL(`${inject("portalUrl")}/forgot-password`), page.evaluate(() => document.forms[0].submit())])
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("This form was not accepted")

    // The customer is still signed in.
    await page.goto(`${inject("portalUrl")}/account`)
    await page.getByRole("heading", { name: "My account" }).waitFor()
    await context.close()
  })
})

describe("sign-in problems and sign-in links in a real browser", () => {
  it("shows the wait on the sign-in page after the sixth failed password", async () => {
    const customer = await signUpCustomer({ first_name: "Wendy", last_name: "Wait" })
    const context = await watchedContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    for (let attempt = 0; attempt < 5; attempt++) {
      await signIn(page, customer.email, `wrong-${attempt}`)
      expect(await page.getByRole("alert").innerText()).toContain("Email or password is incorrect.")
    }
    await signIn(page, customer.email, customer.password)
    expect(await page.getByRole("alert").innerText()).toMatch(/Too many failed attempts\. Please wait 1[45] minutes/)
    await context.close()
  })

  for (const javaScriptEnabled of [true, false]) {
    it(`signs in with an emailed link ${javaScriptEnabled ? "with" : "without"} JavaScript`, async () => {
      const customer = await signUpCustomer({ first_name: "Lena", last_name: javaScriptEnabled ? "Scripted" : "Plain" })
      const context = await watchedContext({ javaScriptEnabled })
      const page = await context.newPage()
      await page.goto(`${inject("portalUrl")}/sign-in`)
      await page.getByRole("link", { name: "Email me a sign-in link" }).click()
      await page.getByRole("heading", { name: "Sign in with an emailed link" }).waitFor()
      await page.getByLabel("Email").fill(customer.email)
      await page.getByRole("button", { name: "Email me a sign-in link" }).click()
      expect(await page.getByTestId("sign-in-link-sent").innerText()).toContain(customer.email)

      const mail = await latestEmail(customer.email, "sign-in-link")
      await page.goto(mail.data.sign_in_url)
      await page.getByRole("button", { name: "Sign in" }).click()
      await page.getByRole("heading", { name: "My account" }).waitFor()
      if (javaScriptEnabled) expect(await violations(page)).toEqual([])

      // The link works once.
      await page.context().clearCookies()
      await page.goto(mail.data.sign_in_url)
      await page.getByRole("button", { name: "Sign in" }).click()
      expect(await page.getByRole("alert").innerText()).toContain("already been used")
      await context.close()
    })
  }
})
