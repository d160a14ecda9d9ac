import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { EMAIL_PREFERENCE_FIELDS, EMAIL_PREFERENCE_LABELS, type StoreUnsubscribeResponse } from "@fieldservice/contract"
import { isValidUnsubscribe, serverLinkSecret } from "../../../../utils/unsubscribe"
import { unsubscribeWorkflow } from "../../../../workflows/email-preferences/unsubscribe"
import type { StoreUnsubscribeType } from "../validators"

const NOT_VALID =
  "This unsubscribe link is not valid. Check that you used the whole link from the email, or sign in and change your email preferences on My account."

type Preferences = { id: string; email: string; first_name: string | null; last_name: string | null; customer_profile?: Record<string, unknown> | null }

/** "j•••@example.com": enough for the customer to know the account, no more. */
const emailHint = (email: string) => {
  const [name, domain] = email.split("@")
  return domain ? `${name.slice(0, 1)}•••@${domain}` : "•••"
}

/** The link's customer, once its signature checks out; the same 400 for a forged link and for a bad one. */
async function linkCustomer(req: MedusaRequest, link: StoreUnsubscribeType): Promise<Preferences> {
  if (!isValidUnsubscribe(serverLinkSecret(req.scope), link.customer, link.kind, link.signature)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, NOT_VALID)
  }
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "customer_profile.*"],
    filters: { id: link.customer },
  })
  const customer = data[0] as Preferences | undefined
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, "This account no longer exists, so we send it no emails.")
  return customer
}

const answer = (customer: Preferences, link: StoreUnsubscribeType, subscribed: boolean): StoreUnsubscribeResponse => ({
  kind: link.kind,
  label: EMAIL_PREFERENCE_LABELS[link.kind],
  subscribed,
  email_hint: emailHint(customer.email),
})

/** What the link would turn off, and whether it still is on (the portal's confirmation page). */
export async function GET(req: MedusaRequest, res: MedusaResponse<StoreUnsubscribeResponse>) {
  const link = req.validatedQuery as unknown as StoreUnsubscribeType
  const customer = await linkCustomer(req, link)
  const field = EMAIL_PREFERENCE_FIELDS[link.kind]
  res.json(answer(customer, link, customer.customer_profile?.[field] !== false))
}

/** Turns that kind of email off at once (the confirmation page's button, or a mail client's RFC 8058 one-click POST). */
export async function POST(req: MedusaRequest<StoreUnsubscribeType>, res: MedusaResponse<StoreUnsubscribeResponse>) {
  const link = req.validatedBody
  const customer = await linkCustomer(req, link)
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ") || null
  await unsubscribeWorkflow(req.scope).run({ input: { customer_id: customer.id, kind: link.kind, customer_name: name } })
  res.json(answer(customer, link, false))
}
