// The buy page's form (issue #20): read as posted, checked with the API's rules (the contract's
// giftVoucherPurchase) and the business's settings, so mistakes show before anything is charged.
import { randomUUID } from "node:crypto"
import {
  fieldProblems,
  formatMoney,
  giftVoucherPurchase,
  type GiftVoucherPurchaseForm,
  type StoreGiftVoucherOptions,
  type StoreSavedCard,
} from "@fieldservice/contract"

import { sumMoney } from "~/lib/gift-vouchers"
import { cardLabel, isExpired } from "~/lib/saved-cards"
import { addDays } from "~/lib/services"

/** The step 1 form as posted, kept as text so the form shows it again as typed. */
export type PurchaseValues = {
  kind: string
  amount_choice: string
  other_amount: string
  /** One entry per service row (an unchosen row is ""). */
  service_ids: string[]
  recipient_name: string
  recipient_email: string
  message: string
  deliver_on: string
  saved_card_id: string
}

export type PurchaseField = "kind" | "amount" | "service_ids" | "recipient_name" | "recipient_email" | "message" | "deliver_on" | "saved_card_id"
export type PurchaseErrors = Partial<Record<PurchaseField, string>>
export type Purchase = Omit<GiftVoucherPurchaseForm, "agree_terms" | "idempotency_key">

export const MAX_SERVICE_ROWS = 10

const str = (form: FormData, name: string) => {
  const value = form.get(name)
  return typeof value === "string" ? value : ""
}

export function readValues(form: FormData): PurchaseValues {
  const rows = form.getAll("service_ids").map((value) => (typeof value === "string" ? value : ""))
  return {
    kind: str(form, "kind"),
    amount_choice: str(form, "amount_choice"),
    other_amount: str(form, "other_amount").trim(),
    service_ids: rows.length ? rows.slice(0, MAX_SERVICE_ROWS) : [""],
    recipient_name: str(form, "recipient_name"),
    recipient_email: str(form, "recipient_email"),
    message: str(form, "message"),
    deliver_on: str(form, "deliver_on").trim(),
    saved_card_id: str(form, "saved_card_id"),
  }
}

/** The form when the page opens: a service from its page, delivered today, paid with the default card. */
export function initialValues(options: StoreGiftVoucherOptions, cards: StoreSavedCard[], defaultCardId: string | null, service: string | null, today: string) {
  // `service` is the service page's product; its first option is chosen, to be changed on the form.
  const offered = service ? options.services.find((item) => item.product_id === service)?.variant_id : undefined
  const usable = cards.filter((card) => !isExpired(card))
  const card = usable.find((item) => item.id === defaultCardId) ?? usable[0]
  const values: PurchaseValues = {
    kind: offered ? "services" : "",
    amount_choice: "",
    other_amount: "",
    service_ids: [offered ?? ""],
    recipient_name: "",
    recipient_email: "",
    message: "",
    deliver_on: today,
    saved_card_id: card?.id ?? "",
  }
  return values
}

/** "Add more services" and "Remove": one row more or less, nothing else changed. */
export function changeRows(values: PurchaseValues, intent: string): PurchaseValues {
  if (intent === "add-service" && values.service_ids.length < MAX_SERVICE_ROWS) {
    return { ...values, kind: "services", service_ids: [...values.service_ids, ""] }
  }
  const removed = /^remove-service-(\d+)$/.exec(intent)
  if (removed) {
    const rows = values.service_ids.filter((_, index) => index !== Number(removed[1]))
    return { ...values, service_ids: rows.length ? rows : [""] }
  }
  return values
}

function amountOf(values: PurchaseValues): string {
  const preset = values.amount_choice && values.amount_choice !== "other"
  return preset ? values.amount_choice : values.other_amount
}

type Context = { options: StoreGiftVoucherOptions; cards: StoreSavedCard[]; today: string }

/** The purchase the form describes, or what is wrong with it, field by field. */
export function checkValues(values: PurchaseValues, { options, cards, today }: Context): { errors: PurchaseErrors; purchase: Purchase | null } {
  const chosen = values.service_ids.filter(Boolean)
  const amountText = amountOf(values)
  // Without JavaScript both parts show: what was filled in tells which one was meant.
  const kind = values.kind || (chosen.length && !amountText ? "services" : amountText && !chosen.length ? "amount" : "")
  const errors: PurchaseErrors = {}
  const money = (amount: number) => formatMoney(amount, options.currency_code)

  let amount: number | undefined
  if (kind === "amount") {
    const parsed = Number(amountText.replace(/[£$€,\s]/g, ""))
    if (!amountText) errors.amount = "Choose the voucher's amount"
    else if (!Number.isFinite(parsed)) errors.amount = "The amount must be a number"
    else if (!options.amounts.includes(parsed) && (parsed < options.min_amount || parsed > options.max_amount)) {
      errors.amount = `Choose an amount from ${money(options.min_amount)} to ${money(options.max_amount)}`
    }
    amount = Number.isFinite(parsed) ? parsed : undefined
  }
  if (kind === "services" && chosen.some((id) => !options.services.some((service) => service.variant_id === id))) {
    errors.service_ids = "That is not one of our services"
  }

  const lastDay = addDays(today, options.max_delivery_days)
  if (/^\d{4}-\d{2}-\d{2}$/.test(values.deliver_on)) {
    if (values.deliver_on < today) errors.deliver_on = "The delivery day can't be in the past"
    else if (values.deliver_on > lastDay) errors.deliver_on = `The delivery day can be at most ${options.max_delivery_days} days ahead`
  }
  const card = cards.find((item) => item.id === values.saved_card_id)
  if (values.saved_card_id && !card) errors.saved_card_id = "That card is no longer saved on your account. Choose another card."
  else if (card && isExpired(card)) errors.saved_card_id = `${cardLabel(card)} has expired. Choose another card.`

  const candidate = {
    kind: kind || undefined,
    ...(kind === "amount" ? { amount } : {}),
    ...(kind === "services" ? { service_ids: chosen } : {}),
    recipient_name: values.recipient_name,
    recipient_email: values.recipient_email,
    message: values.message,
    deliver_on: values.deliver_on,
    saved_card_id: values.saved_card_id || undefined,
    // Agreed and keyed on the overview; only the rest is checked here.
    agree_terms: true,
    idempotency_key: "checked-on-the-overview",
  }
  const problems = fieldProblems<PurchaseField>(giftVoucherPurchase, candidate)
  const all: PurchaseErrors = { ...problems, ...errors }
  if (Object.values(all).some(Boolean)) return { errors: all, purchase: null }
  const { agree_terms: _agreed, idempotency_key: _key, ...purchase } = giftVoucherPurchase.parse(candidate)
  return { errors: {}, purchase }
}

/** The body "Pay" sends: the checked purchase, agreed and keyed, or the first thing wrong (terms not ticked, a stale form). */
export function payBody(purchase: Purchase, agreed: boolean, idempotencyKey: string): { body: GiftVoucherPurchaseForm } | { problem: string } {
  // Checked as the API will: the message as text ("" for none), not the null the schema makes of it.
  const result = giftVoucherPurchase.safeParse({ ...purchase, message: purchase.message ?? "", agree_terms: agreed, idempotency_key: idempotencyKey })
  return result.success ? { body: result.data } : { problem: result.error.issues[0]?.message ?? "Please check the details." }
}

/** What step 2 shows: the voucher, its price, and the card. */
export function overviewOf(purchase: Purchase, { options, cards }: Context) {
  const services = (purchase.service_ids ?? []).map((id) => {
    const service = options.services.find((item) => item.variant_id === id)
    return { title: service?.title ?? "Service", option_title: service?.option_title ?? "", price: service?.price ?? 0 }
  })
  const total = purchase.kind === "amount" ? (purchase.amount ?? 0) : sumMoney(services.map((service) => service.price))
  const card = cards.find((item) => item.id === purchase.saved_card_id)
  return {
    kind: purchase.kind,
    services,
    total,
    currency_code: options.currency_code,
    recipient_name: purchase.recipient_name,
    recipient_email: purchase.recipient_email,
    message: purchase.message,
    deliver_on: purchase.deliver_on,
    card: card ? cardLabel(card) : "Your saved card",
  }
}
export type Overview = ReturnType<typeof overviewOf>

/** Made when the overview is shown and sent back with "Pay": a second click pays for the same voucher. */
export const newIdempotencyKey = () => randomUUID().replace(/-/g, "")
