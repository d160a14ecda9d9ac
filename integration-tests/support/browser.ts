import { existsSync } from "node:fs"
import { chromium, type Browser, type Page } from "playwright-core"
import { inject } from "vitest"

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

/** Debian's Chromium, driven by playwright-core (no downloaded browser; the machine has no network). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run \`npm test\`, which installs Debian's chromium package`)
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  })
}

/**
 * A new page signed in to the Medusa admin as the demo staff member (the admin's production
 * build); `loginFormTimeout` waits longer for the login form where other test stacks may share
 * the machine.
 */
export async function signInToAdmin(
  browser: Browser,
  { loginFormTimeout, timezoneId }: { loginFormTimeout?: number; timezoneId?: string } = {}
): Promise<Page> {
  const demo = inject("demo")
  // A time zone of its own: a staff member working far from the business.
  const page = timezoneId ? await (await browser.newContext({ timezoneId })).newPage() : await browser.newPage()
  page.setDefaultTimeout(90_000)
  await page.goto(`${inject("backendUrl")}/app/login`)
  if (loginFormTimeout) await page.locator('input[name="email"]').waitFor({ timeout: loginFormTimeout })
  await page.locator('input[name="email"]').fill(demo.adminEmail)
  await page.locator('input[name="password"]').fill(demo.adminPassword)
  await page.getByRole("button", { name: "Continue with Email" }).click()
  await page.waitForURL((url) => !url.pathname.endsWith("/login"))
  return page
}

/** Signs a customer in to the portal through its sign-in form (works with or without JavaScript). */
export async function signInToPortal(page: Page, email: string, password: string) {
  await page.goto(`${inject("portalUrl")}/sign-in`)
  await page.getByLabel("Email").fill(email)
  await page.getByLabel("Password").fill(password)
  await page.getByRole("button", { name: "Sign in" }).click()
  await page.getByRole("heading", { name: "My account" }).waitFor()
}

/** The booking flow's option step: nothing is ticked for the customer, so tick one (the cheapest first). */
export async function chooseOption(page: Page, index = 0) {
  await page.getByTestId("booking-step-option").waitFor()
  await page.locator('input[name="variant_id"]').nth(index).check()
}

const BOOKING_STEPS = [
  ["option", "time"],
  ["time", "location"],
  ["location", "contact"],
  ["contact", "instructions"],
  ["instructions", "payment"],
  ["payment", "review"],
] as const

/**
 * Walks the booking flow from the option step to the review step with the first option, the
 * first free time and what the customer already has (saved location, contact, payment).
 * `onStep` runs on each step before its choices, then once more on the review step.
 */
export async function continueToReview(page: Page, onStep?: (step: string) => Promise<void>) {
  for (const [step, next] of BOOKING_STEPS) {
    await page.getByTestId(`booking-step-${step}`).waitFor()
    await onStep?.(step)
    if (step === "option") await chooseOption(page)
    if (step === "time") await chooseTime(page)
    await page.getByRole("button", { name: "Continue" }).click()
    await page.getByTestId(`booking-step-${next}`).waitFor()
  }
  await onStep?.("review")
}

/**
 * A time step (booking or reschedule): nothing is ticked for the customer. Ticks the `index`th free
 * time of the day shown (the first day with free times), or of the first later day that has that many.
 * Answers the chosen start (ISO).
 */
export async function chooseTime(page: Page, index = 0): Promise<string> {
  const days = page.getByTestId("time-day-link")
  const dayCount = await days.count()
  for (let day = 0; day < dayCount; day++) {
    if (day > 0) {
      const href = await days.nth(day).getAttribute("href")
      await days.nth(day).click()
      await page.locator(`[data-testid="time-day-link"][aria-current="date"][href="${href}"]`).waitFor()
    }
    const times = page.locator('input[name="starts_at"]')
    if ((await times.count()) > index) {
      await times.nth(index).check()
      return (await times.nth(index).getAttribute("value"))!
    }
  }
  // What the customer saw, so a failure here says why (no days, or too few times on each).
  const said = await page.getByTestId("booking-step-time").or(page.locator("main")).first().innerText()
  throw new Error(`No day lists ${index + 1} free times (${dayCount} days listed). The page said: ${said.slice(0, 600)}`)
}

/** Continues from one step of the portal's booking to the next (the steps' own test ids). */
export async function continueBookingStep(page: Page, step: string, next: string) {
  await page.getByTestId(`booking-step-${step}`).waitFor()
  await page.getByRole("button", { name: "Continue" }).click()
  await page.getByTestId(`booking-step-${next}`).waitFor()
}
