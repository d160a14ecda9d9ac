import { DEFAULT_COUNTRY, formatPhone, type SeriesFrequency, type StoreCreateBookingSeries } from "@fieldservice/contract"
import { completeAddress } from "../../../../lib/new-booking"
import type { AdminBookingPriceRequest, AdminCreateBooking, AdminCustomerProfile, StoreBookingAddressInput } from "@fieldservice/contract"

/** Every answer of the "New booking" form, as staff give them. */
export type BookingDraft = {
  customerId: string
  serviceId: string
  variantId: string
  /** The first day of the page of windows shown; empty is from now. */
  from: string
  day: string
  startsAt: string
  /** A saved location's id, or "new". */
  locationId: string
  address: Required<Pick<StoreBookingAddressInput, "address_1" | "city" | "postal_code" | "country_code">> & { address_2: string }
  label: string
  contact: { name: string; email: string; phone: string }
  businessProfileId: string
  additionalContactId: string
  dependentIds: string[]
  instructions: string
  /** A saved card's id; empty is "pay on the day". */
  cardId: string
  /** "How often?": empty is just once; otherwise a series (paid on the day) ending never, on a date or after a count. */
  frequency: SeriesFrequency | ""
  ends: "never" | "until" | "count"
  until: string
  count: string
}

export const emptyAddress = (): BookingDraft["address"] => ({
  address_1: "",
  address_2: "",
  city: "",
  postal_code: "",
  country_code: DEFAULT_COUNTRY.toLowerCase(),
})

export function emptyDraft(customerId: string): BookingDraft {
  return {
    customerId,
    serviceId: "",
    variantId: "",
    from: "",
    day: "",
    startsAt: "",
    locationId: "",
    address: emptyAddress(),
    label: "",
    contact: { name: "", email: "", phone: "" },
    businessProfileId: "",
    additionalContactId: "",
    dependentIds: [],
    instructions: "",
    cardId: "",
    frequency: "",
    ends: "never",
    until: "",
    count: "",
  }
}

/** A customer chosen: their details as the contact on the day, their first saved location. */
export function draftFor(draft: BookingDraft, profile: AdminCustomerProfile): BookingDraft {
  return {
    ...emptyDraft(draft.customerId),
    serviceId: draft.serviceId,
    variantId: draft.variantId,
    from: draft.from,
    day: draft.day,
    startsAt: draft.startsAt,
    frequency: draft.frequency,
    ends: draft.ends,
    until: draft.until,
    count: draft.count,
    locationId: profile.locations[0]?.id ?? "new",
    contact: {
      name: [profile.first_name, profile.last_name].filter(Boolean).join(" "),
      email: profile.account_email,
      phone: profile.account_phone ? formatPhone(profile.account_phone) : "",
    },
  }
}

const location = (draft: BookingDraft): AdminCreateBooking["location"] | null => {
  if (draft.locationId && draft.locationId !== "new") return { address_id: draft.locationId }
  if (draft.locationId !== "new" || !completeAddress(draft.address)) return null
  const { address_2, ...rest } = draft.address
  return { address: { ...rest, address_2: address_2 || null }, label: draft.label.trim() || null }
}

/** What the price depends on, once all of it is chosen. */
export function priceRequest(draft: BookingDraft): AdminBookingPriceRequest | null {
  const where = location(draft)
  if (!draft.serviceId || !draft.variantId || !where) return null
  return { service_id: draft.serviceId, variant_id: draft.variantId, location: where, business_profile_id: draft.businessProfileId || null }
}

/** The booking to place; what is still missing, in the form's words, when it can't be yet. */
export function bookingBody(draft: BookingDraft): { body: AdminCreateBooking; missing: null } | { body: null; missing: string } {
  if (!draft.customerId) return { body: null, missing: "Choose the customer." }
  if (!draft.serviceId || !draft.variantId) return { body: null, missing: "Choose the service and its option." }
  if (!draft.startsAt) return { body: null, missing: "Choose an arrival time." }
  const where = location(draft)
  if (!where) return { body: null, missing: "Choose a saved location or type the whole address." }
  return {
    missing: null,
    body: {
      customer_id: draft.customerId,
      service_id: draft.serviceId,
      variant_id: draft.variantId,
      starts_at: draft.startsAt,
      location: where,
      contact: { name: draft.contact.name.trim() || null, email: draft.contact.email.trim() || null, phone: draft.contact.phone.trim() || null },
      business_profile_id: draft.businessProfileId || null,
      additional_contact_id: draft.additionalContactId || null,
      dependent_ids: draft.dependentIds,
      instructions: draft.instructions.trim() || null,
      saved_card_id: draft.cardId || null,
    },
  }
}

/** The repeat visits to set up instead, when "How often?" isn't just once; what is still missing when they can't be yet. */
export function seriesBody(draft: BookingDraft): { body: StoreCreateBookingSeries; missing: null } | { body: null; missing: string } {
  const single = bookingBody(draft)
  if (!single.body || !draft.frequency) return single.body ? { body: null, missing: "Choose how often." } : single
  if (draft.ends === "until" && !draft.until) return { body: null, missing: "Choose the date the visits end." }
  if (draft.ends === "count" && !draft.count) return { body: null, missing: "Say after how many visits they end." }
  const { customer_id: _customer, saved_card_id: _card, ...visit } = single.body
  return {
    missing: null,
    body: {
      ...visit,
      frequency: draft.frequency,
      until: draft.ends === "until" ? draft.until : null,
      // A number the API checks and explains (at least 2, at most the limit).
      count: draft.ends === "count" ? Number(draft.count) : null,
    },
  }
}
