import { inject } from "vitest"

/** What the fake Resend received for an email, read back through Resend's "retrieve email" endpoint. */
export async function sentThroughResend(externalId: string) {
  const response = await fetch(`${inject("resendUrl")}/emails/${externalId}`, { headers: { authorization: "Bearer re_test_integration" } })
  if (response.status !== 200) throw new Error(`Resend has no email ${externalId} (${response.status})`)
  return (await response.json()) as { from: string; to: string[]; subject: string; html: string; text: string; reply_to: string[] | null }
}

/** The attachments of an email as the fake Resend received them (filename and base64 content). */
export async function sentAttachments(externalId: string) {
  const response = await fetch(`${inject("resendUrl")}/_fake/emails/${externalId}`)
  if (response.status !== 200) throw new Error(`Resend has no email ${externalId} (${response.status})`)
  return ((await response.json()) as { attachments?: { filename: string; content: string }[] }).attachments ?? []
}

export const MASK = "••••••"

/** Text with every link token masked the way stored emails show them (in HTML too, after `&amp;`). */
export const maskTokens = (text: string) => text.replace(/([?&](?:amp;)?token=)[A-Za-z0-9_.-]+/g, `$1${MASK}`)

type StoredEmail = { external_id?: string | null; data: Record<string, any> }

/**
 * A stored email's data with its one-time links as the customer got them: the record shows them
 * masked (with the real ones sealed), so they are read from the email the fake Resend received.
 */
export async function withSentLinks<T extends StoredEmail>(email: T): Promise<T> {
  const sealed = email.data?.sealed_links as Record<string, string> | undefined
  if (!sealed) return email
  if (!email.external_id) throw new Error("the email is not sent yet")
  const sent = await sentThroughResend(email.external_id)
  const links = `${sent.text}\n${sent.html.replace(/&amp;/g, "&")}`.match(/https?:\/\/[^\s"'<>\])]+/g) ?? []
  const { sealed_links: _sealed, ...data } = email.data
  for (const field of Object.keys(sealed)) {
    const real = links.find((link) => maskTokens(link) === data[field])
    if (!real) throw new Error(`the sent email has no link matching data.${field} (${data[field]})`)
    data[field] = real
  }
  return { ...email, data }
}
