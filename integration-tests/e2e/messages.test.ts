import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { signUpCustomer, TINY_PNG } from "../support/api"
import { insertBooking } from "../support/bookings"
import { launchBrowser, signInToAdmin, signInToPortal } from "../support/browser"

/**
 * Issue #21 item 1 in the browser: a customer writes about a booking with a photo from the portal,
 * staff see it arrive in the Inbox without reloading and reply (and leave an internal note), and the
 * customer sees the reply, not the note. Then the portal without JavaScript at a phone's width.
 */

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const app = (path: string) => `${inject("backendUrl")}/app${path}`
const portal = (path: string) => `${inject("portalUrl")}${path}`
const toast = (page: Page, text: string) => page.locator("[data-sonner-toast]", { hasText: text }).first().waitFor()
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString()
const TINY_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

describe.sequential("Messages", () => {
  it("a customer writes about a booking with a photo; staff see it arrive, reply and note; the customer sees the reply live", async () => {
    const olive = await signUpCustomer({ first_name: "Olive", last_name: "Messenger" })
    const booking = await insertBooking({ email: olive.email, customer_id: olive.customer.id, starts_at: inAWeek() })

    // Staff have the Inbox open, filtered to her, before she writes.
    const staff = await signInToAdmin(browser)
    await staff.setViewportSize({ width: 1280, height: 900 })
    await staff.goto(app(`/inbox?filter=all&customer_id=${olive.customer.id}`))
    await staff.getByTestId("inbox-message").waitFor()

    // She writes from her booking, with a photo.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await signInToPortal(page, olive.email, olive.password)
    await page.goto(portal(`/bookings/${booking.id}`))
    await page.getByTestId("message-us").click()
    await page.waitForURL((url) => url.pathname === "/messages/new" && url.searchParams.get("about") === "booking")
    await page.getByTestId("message-body-input").fill("The side gate sticks: here is a photo.")
    await page.getByTestId("message-files").setInputFiles({ name: "gate.png", mimeType: "image/png", buffer: TINY_PNG })
    await page.getByTestId("message-send").click()
    await page.waitForURL((url) => /^\/messages\/(?!new)[^/]+$/.test(url.pathname))
    expect(await page.getByTestId("conversation-title").innerText()).toContain(booking.booking_number)
    expect(await page.getByTestId("message-body").last().innerText()).toBe("The side gate sticks: here is a photo.")
    const photo = await page.request.get(portal(new URL((await page.getByTestId("message-file").locator("a").getAttribute("href"))!, portal("/")).pathname))
    expect(photo.status()).toBe(200)
    expect(photo.headers()["content-type"]).toContain("image/png")
    // "Message us" on the booking again opens the same conversation.
    const conversationPath = new URL(page.url()).pathname
    await page.goto(portal(`/messages/new?about=booking&id=${booking.id}`))
    await page.waitForURL((url) => url.pathname === conversationPath)

    // It appears in the open Inbox without a reload.
    await staff.getByTestId("inbox-row").first().waitFor({ timeout: 30_000 })
    expect(await staff.getByTestId("inbox-row-preview").first().innerText()).toContain("The side gate sticks")
    await staff.getByTestId("inbox-row").first().click()
    await staff.getByTestId("inbox-conversation").waitFor()
    expect(await staff.getByTestId("inbox-message-body").first().innerText()).toBe("The side gate sticks: here is a photo.")
    expect(await staff.getByTestId("inbox-message-file").first().innerText()).toBe("gate.png")
    expect(await staff.getByTestId("inbox-customer-link").innerText()).toBe("Olive Messenger")
    await staff.getByTestId("inbox-subject-link").waitFor()

    // An internal note, then the reply.
    await staff.getByTestId("inbox-reply-internal").click()
    await staff.getByTestId("inbox-reply-body").fill("Check the gate code with the crew.")
    await staff.getByTestId("inbox-reply-send").click()
    await toast(staff, "Internal note saved")
    await staff.getByTestId("inbox-note").waitFor()
    await staff.getByTestId("inbox-reply-internal").click()
    await staff.getByTestId("inbox-reply-body").fill("Thanks Olive, we'll bring a spare key.")
    await staff.getByTestId("inbox-reply-send").click()
    await toast(staff, "Reply sent")

    // She sees the reply on the open page without reloading; never the note.
    await page.getByText("Thanks Olive, we'll bring a spare key.").waitFor({ timeout: 30_000 })
    expect(await page.getByTestId("message-thread").innerText()).not.toContain("gate code")

    // Staff assign it to themselves; Mine lists it.
    await staff.getByTestId("inbox-assign-me").click()
    await toast(staff, "Assigned to")
    await staff.goto(app(`/inbox?filter=mine&customer_id=${olive.customer.id}`))
    await expect.poll(() => staff.getByTestId("inbox-row").count()).toBe(1)

    // Another reply while she is on another page: the menu's badge counts it, without a reload.
    await page.goto(portal("/messages"))
    await staff.goto(app(`/inbox/${conversationPath.split("/").pop()}`))
    await staff.getByTestId("inbox-reply-body").fill("See you next week.")
    await staff.getByTestId("inbox-reply-send").click()
    await toast(staff, "Reply sent")
    await expect
      .poll(
        () =>
          page
            .getByTestId("messages-unread")
            .innerText()
            .catch(() => ""),
        { timeout: 30_000 }
      )
      .toContain("1")

    // The replies are in her notifications too: the newest opens the conversation and is read after.
    await page.goto(portal("/notifications"))
    const notice = page.getByTestId("notification").filter({ hasText: "See you next week." })
    expect(await notice.getAttribute("data-unread")).toBe("true")
    expect(await notice.innerText()).toContain("New message from")
    await notice.getByRole("link").click()
    await page.waitForURL((url) => url.pathname === conversationPath)
    await page.goto(portal("/notifications"))
    expect(await page.getByTestId("notification").filter({ hasText: "See you next week." }).getAttribute("data-unread")).toBe("false")

    // The customer page lists the conversation.
    await staff.goto(app(`/customers/${olive.customer.id}`))
    await staff.getByTestId("customer-conversations-row").first().waitFor()
    await context.close()
    await staff.close()
  }, 180_000)

  it("works without JavaScript at a phone's width: writes with a PDF, deletes her own message after confirming", async () => {
    const nell = await signUpCustomer({ first_name: "Nell", last_name: "Nojs" })
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false })
    await signInToPortal(page, nell.email, nell.password)
    await page.goto(portal("/messages"))
    await page.getByTestId("messages-empty").waitFor()
    await page.getByTestId("messages-new").click()
    expect(await page.getByTestId("message-new-about").innerText()).toContain("A general question")

    // An empty message is refused in words.
    await page.getByTestId("message-send").click()
    expect(await page.getByRole("alert").innerText()).toContain("Write your message")

    await page.getByTestId("message-body-input").fill("Can you quote for gutters too?")
    await page.getByTestId("message-files").setInputFiles({ name: "plan.pdf", mimeType: "application/pdf", buffer: TINY_PDF })
    await page.getByTestId("message-send").click()
    await page.getByTestId("conversation-page").waitFor()
    expect(await page.getByTestId("message-body").innerText()).toBe("Can you quote for gutters too?")
    expect(await page.getByTestId("message-file").innerText()).toContain("plan.pdf")
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

    // A reply, then deleting it: Delete asks first, and it stays as "Message deleted".
    await page.getByTestId("message-body-input").fill("Sorry, wrong address in that one.")
    await page.getByTestId("message-send").click()
    await expect.poll(() => page.getByTestId("message").count()).toBe(2)
    await page.getByTestId("message-delete").last().click()
    await page.getByTestId("message-delete-confirm").waitFor()
    await page.getByTestId("message-delete-yes").click()
    await page.getByTestId("message-deleted").waitFor()
    expect(await page.getByTestId("message").count()).toBe(2)
    expect(await page.getByTestId("message-thread").innerText()).not.toContain("wrong address")

    // The list shows it; another customer's conversation is not found.
    const path = new URL(page.url()).pathname
    await page.goto(portal("/messages"))
    expect(await page.getByTestId("conversation").count()).toBe(1)
    const other = await signUpCustomer({ first_name: "Otto", last_name: "Other" })
    const stranger = await browser.newPage({ javaScriptEnabled: false })
    await signInToPortal(stranger, other.email, other.password)
    const response = await stranger.goto(portal(path))
    expect(response?.status()).toBe(404)
    await stranger.close()
    await page.close()
  }, 120_000)
})
