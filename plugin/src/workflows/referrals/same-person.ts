import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { cardPaymentsConfigured, findCardAccountHolder, STRIPE_PROVIDER_ID } from "../../utils/saved-cards"

/** An email as a mailbox: case, "+tags" and (for Gmail) dots don't make a different person. */
export function mailbox(email: string | null | undefined): string | null {
  if (!email) return null
  const [local, domain] = email.trim().toLowerCase().split("@")
  if (!local || !domain) return null
  const bare = local.split("+")[0]
  const gmail = domain === "gmail.com" || domain === "googlemail.com"
  return `${gmail ? bare.replace(/\./g, "") : bare}@${gmail ? "gmail.com" : domain}`
}

/** A phone as its digits, the last 9 of them, so "+44 7700 900123" and "07700 900123" are the same line. */
export function phoneDigits(phone: string | null | undefined): string | null {
  const digits = (phone ?? "").replace(/\D/g, "")
  return digits.length >= 6 ? digits.slice(-9) : null
}

type AddressLike = { address_1?: string | null; postal_code?: string | null }
/** The first line and postcode, without spaces, punctuation or case. */
export function addressKey(address: AddressLike | null | undefined): string | null {
  const line = (address?.address_1 ?? "").toLowerCase().replace(/[^a-z0-9]/g, "")
  const postcode = (address?.postal_code ?? "").toLowerCase().replace(/[^a-z0-9]/g, "")
  return line && postcode ? `${line}|${postcode}` : null
}

export type Person = { id: string; email: string | null; phone: string | null; first_name: string | null; last_name: string | null }

export async function loadPerson(container: MedusaContainer, id: string): Promise<Person | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "email", "phone", "first_name", "last_name"], filters: { id } })
  return (data[0] as Person | undefined) ?? null
}

/** Sign-up: the friend gave the referrer's own email or phone. */
export function sameContactReason(referrer: Person, friend: { email: string; phone?: string | null }): string | null {
  if (mailbox(referrer.email) && mailbox(referrer.email) === mailbox(friend.email)) return "Same email as the person who invited them"
  if (phoneDigits(referrer.phone) && phoneDigits(referrer.phone) === phoneDigits(friend.phone)) return "Same phone number as the person who invited them"
  return null
}

async function addressKeys(container: MedusaContainer, customerId: string): Promise<Set<string>> {
  const customers = container.resolve(Modules.CUSTOMER)
  const addresses = await customers.listCustomerAddresses({ customer_id: customerId }, { select: ["address_1", "postal_code"] })
  const bookings = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "booking",
    fields: ["location"],
    filters: { customer_id: customerId },
  })
  const locations = (bookings.data as { location?: AddressLike | null }[]).map((booking) => booking.location)
  return new Set([...addresses, ...locations].map(addressKey).filter((key): key is string => !!key))
}

async function cardFingerprints(container: MedusaContainer, customerId: string): Promise<Set<string>> {
  if (!cardPaymentsConfigured(container)) return new Set()
  const holder = await findCardAccountHolder(container, customerId)
  if (!holder) return new Set()
  const payments: IPaymentModuleService = container.resolve(Modules.PAYMENT)
  const methods = await payments.listPaymentMethods({ provider_id: STRIPE_PROVIDER_ID, context: { account_holder: holder } })
  return new Set(methods.map((method) => (method.data as { card?: { fingerprint?: string } }).card?.fingerprint).filter((print): print is string => !!print))
}

/** Before the reward: the friend visits at the referrer's address or pays with one of the referrer's cards. */
export async function sameHouseholdReason(container: MedusaContainer, referrerId: string, friendId: string): Promise<string | null> {
  const [theirs, mine] = await Promise.all([addressKeys(container, referrerId), addressKeys(container, friendId)])
  if ([...mine].some((key) => theirs.has(key))) return "Same address as the person who invited them"
  const [theirCards, myCards] = await Promise.all([cardFingerprints(container, referrerId), cardFingerprints(container, friendId)])
  if ([...myCards].some((print) => theirCards.has(print))) return "Same saved card as the person who invited them"
  return null
}

export const firstName = (person: Person | null) => person?.first_name?.trim() || "A friend"
export const fullName = (person: Person | null) => [person?.first_name, person?.last_name].filter(Boolean).join(" ") || person?.email || "a customer"
