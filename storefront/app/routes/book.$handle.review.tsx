import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react"
import { useCallback, useEffect, useState } from "react"

import { answeredSteps, BookingStepLayout } from "~/components/booking-steps"
import { dueText, PriceSummary } from "~/components/price-summary"
import { toAddressInput } from "~/lib/addresses"
import { ApiError } from "~/lib/api/api.server"
import { stepPath, type BookingDraft, type BookingStep } from "~/lib/booking"
import { businessTimeZone, clearDraft, failWith, loadStep, problemOf, returnToStep, saveStep, type StepContext } from "~/lib/api/booking.server"
import { confirmBookingPayment, getMyBooking, placeBooking, type PlacedBooking, previewBookingPrice, releaseBookingHold } from "~/lib/api/bookings.server"
import { runBankCheck } from "~/components/invoices/new-card"
import { text } from "~/lib/forms"
import { createBookingSeries } from "~/lib/api/booking-series.server"
import { REPEAT_PAYMENT, repeatText, seriesInput, seriesPath } from "~/lib/booking-series"
import { listBusinessProfiles } from "~/lib/api/business-profiles.server"
import { getDependents } from "~/lib/api/dependents.server"
import { pageTitle } from "~/lib/meta"
import { cardLabel, expiryText, isExpired } from "~/lib/saved-cards"
import { listSavedCards, stripeBrowserConfig } from "~/lib/api/saved-cards.server"
import { dayKey, formatMoney, formatWindow } from "~/lib/services"
import { getAvailability } from "~/lib/api/services.server"
import { formatAddress, type StoreCreateBooking as PlaceBookingInput } from "@fieldservice/contract"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data ? `Book ${data.service.title}: review and confirm` : "Book a service")

const ON_THE_DAY = {
  label: "Pay on the day",
  detail: "Nothing is charged now. You pay the team when the visit is done.",
  card: null,
}

/** How the visit is paid, as chosen on the payment step; a card that has gone since sends the customer back there. */
async function paymentSummary({ token, draft }: StepContext, request: Request) {
  const chosen = draft.payment
  if (!chosen || chosen.method === "on_the_day") return ON_THE_DAY
  let cards
  try {
    cards = (await listSavedCards(token)).saved_cards
  } catch (error) {
    return failWith(request, error)
  }
  const card = cards.find((item) => item.id === chosen.card_id)
  if (!card || isExpired(card)) {
    throw await returnToStep(
      request,
      { ...draft, payment: undefined },
      "payment",
      card
        ? `${cardLabel(card)} has expired. Choose another card, or pay on the day.`
        : "That card is no longer saved on your account. Choose how you’d like to pay."
    )
  }
  return {
    label: `${cardLabel(card)} (${expiryText(card).toLowerCase()})`,
    detail:
      "The price is held on your card now and taken once the visit is done. If your bank asks you to confirm the payment, it shows its check here (this needs JavaScript).",
    card: cardLabel(card),
  }
}

type Line = { term: string; value: string; step: BookingStep; testId: string }

async function reviewLines({ token, service, profile, draft }: StepContext, request: Request) {
  const variant = service.variants.find((item) => item.id === draft.variant_id)
  if (!variant) throw await returnToStep(request, { ...draft, variant_id: undefined }, "option", "Choose one of the options.")
  const startsAt = draft.starts_at!
  const location = draft.location!
  const contact = draft.contact!

  const zoneGuess = businessTimeZone()
  let window: { starts_at: string; ends_at: string } | undefined
  let zone: string
  let businessName: string | null
  let dependentNames: string[]
  try {
    const [availability, businessProfiles, dependents] = await Promise.all([
      getAvailability(service.id, dayKey(new Date(startsAt), zoneGuess), 1),
      contact.booking_for !== "personal" ? listBusinessProfiles(token) : Promise.resolve([]),
      contact.dependent_ids.length ? getDependents(token) : Promise.resolve(null),
    ])
    zone = availability.time_zone
    window = availability.windows.find((item) => item.starts_at === startsAt)
    businessName = businessProfiles.find((business) => business.id === contact.booking_for)?.name ?? null
    dependentNames = (dependents?.dependents ?? []).filter((dependent) => contact.dependent_ids.includes(dependent.id)).map((dependent) => dependent.name)
  } catch (error) {
    return failWith(request, error)
  }
  // Held for the bank's check: the window is this booking's own, so no longer among the free ones.
  if (!window && draft.held) {
    const held = await getMyBooking(token, draft.held.booking_id).catch(() => null)
    window = held ? { starts_at: held.starts_at, ends_at: held.location?.window_ends_at ?? held.ends_at } : undefined
  }
  // Taken (or too soon) since it was chosen: choose again rather than find out on Confirm.
  if (!window) {
    throw await returnToStep(request, draft, "time", "Sorry, that time is no longer free. Choose another time.")
  }
  if (contact.booking_for !== "personal" && !businessName) {
    throw await returnToStep(request, draft, "contact", "That business profile is no longer on your account. Choose who the booking is for.")
  }

  let where: string
  if (location.kind === "saved") {
    const saved = (profile.locations ?? []).find((address) => address.id === location.address_id)
    if (!saved) {
      throw await returnToStep(request, { ...draft, location: undefined }, "location", "That saved location is no longer on your account. Choose another one.")
    }
    where = `${saved.address_name ? `${saved.address_name}: ` : ""}${formatAddress(saved)}`
  } else {
    where = `${location.label ? `${location.label}: ` : ""}${formatAddress(location.address)} (new, saved to your locations)`
  }
  const additional = profile.additional_contacts.find((item) => item.id === contact.additional_contact_id)

  const lines: Line[] = [
    {
      term: "Option",
      value: variant.price === null ? variant.title : `${variant.title} · ${formatMoney(variant.price, service.currency_code)}`,
      step: "option",
      testId: "review-option",
    },
    { term: "Arrival time", value: formatWindow(window.starts_at, window.ends_at, zone, "long"), step: "time", testId: "review-time" },
    ...(draft.repeat
      ? [{ term: "How often", value: repeatText(draft.repeat, dayKey(new Date(startsAt), zone)), step: "time" as const, testId: "review-repeat" }]
      : []),
    { term: "Location", value: where, step: "location", testId: "review-location" },
    { term: "Booking for", value: businessName ? `${businessName} (business)` : "Me (personal)", step: "contact", testId: "review-for" },
    {
      term: "Contact",
      value: [contact.name, contact.email, contact.phone].filter(Boolean).join(", "),
      step: "contact",
      testId: "review-contact",
    },
  ]
  if (additional) lines.push({ term: "Also contact", value: additional.name, step: "contact", testId: "review-additional" })
  if (dependentNames.length) lines.push({ term: "For", value: dependentNames.join(", "), step: "contact", testId: "review-dependents" })
  lines.push({
    term: "Instructions",
    value: draft.instructions || "None",
    step: "instructions",
    testId: "review-instructions",
  })
  return lines
}

/**
 * The lines, tax and total the order will have, priced by the API as placing the booking will. If
 * that fails the page still works: the price is then confirmed once booked (null here).
 */
async function reviewPrice({ token, draft }: StepContext, request: Request) {
  const { service_id, variant_id, location, business_profile_id, gift_voucher_code, use_store_credit } = bookingInput(draft)
  try {
    return await previewBookingPrice(token, { service_id, variant_id, location, business_profile_id, gift_voucher_code, use_store_credit })
  } catch (error) {
    // A voucher that can't pay for this visit (used up, another option's, a wrong code): back to the payment step, in its words.
    const refusal =
      error instanceof ApiError && (gift_voucher_code || use_store_credit) && error.status < 500 ? stepFor(error, String(error.body.message ?? "")) : null
    if (refusal?.step === "payment" && draft.payment) {
      throw await returnToStep(
        request,
        { ...draft, payment: { ...draft.payment, gift_voucher_code: null, use_store_credit: false } },
        "payment",
        refusal.message
      )
    }
    return null
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await loadStep(request, params.handle, "review")
  // Repeat visits are paid on the day of each visit.
  const [lines, payment, price] = await Promise.all([
    reviewLines(context, request),
    context.draft.repeat ? REPEAT_PAYMENT : paymentSummary(context, request),
    reviewPrice(context, request),
  ])
  const { service, draft, stepError, headers } = context
  return json(
    {
      service: { title: service.title, handle: service.handle },
      lines,
      payment,
      price,
      answered: answeredSteps(draft),
      repeats: !!draft.repeat,
      stepError,
      stripe: stripeBrowserConfig(),
      voucherHint: draft.payment?.gift_voucher_code ? draft.payment.gift_voucher_code.slice(-4) : null,
      held: draft.held ? { id: draft.held.booking_id, clientSecret: draft.held.client_secret, again: !!draft.held.again } : null,
    },
    { headers }
  )
}

function bookingInput(draft: BookingDraft): PlaceBookingInput {
  const location = draft.location!
  const contact = draft.contact!
  return {
    service_id: draft.service_id,
    variant_id: draft.variant_id!,
    starts_at: draft.starts_at!,
    location: location.kind === "saved" ? { address_id: location.address_id } : { address: toAddressInput(location.address), label: location.label || null },
    contact: { name: contact.name, email: contact.email, phone: contact.phone || null },
    business_profile_id: contact.booking_for === "personal" ? null : contact.booking_for,
    additional_contact_id: contact.additional_contact_id,
    dependent_ids: contact.dependent_ids,
    instructions: draft.instructions || null,
    saved_card_id: draft.payment?.method === "card" ? draft.payment.card_id : null,
    gift_voucher_code: draft.payment?.gift_voucher_code ?? null,
    use_store_credit: draft.payment?.use_store_credit ?? false,
  }
}

/** Which step a refusal concerns, and what to say there. */
function stepFor(error: unknown, message: string): { step: BookingStep; message: string } | null {
  if (!(error instanceof ApiError)) return null
  const raw = typeof error.body.message === "string" ? error.body.message : ""
  if (error.status === 409) return { step: "time", message }
  // Declined, or the bank wants to confirm: choose another card or pay on the day.
  if (error.status === 402) return { step: "payment", message }
  if (error.status === 502 && error.type === "card_provider_unavailable" && raw) return { step: "payment", message: raw }
  if (/voucher|store credit/i.test(raw) && error.status < 500) return { step: "payment", message: raw }
  if (error.status === 404) {
    if (/^Location /.test(raw)) return { step: "location", message: "That saved location is no longer on your account. Choose another one." }
    if (/^Saved card /.test(raw)) return { step: "payment", message: "That card is no longer saved on your account. Choose how you’d like to pay." }
    if (/^(Business profile|Contact|Dependent) /.test(raw)) {
      return { step: "contact", message: "Something you chose is no longer on your account. Please check your contact details." }
    }
    if (/^Service /.test(raw)) return { step: "option", message: "This service can’t be booked right now." }
    return null
  }
  if (error.status !== 400) return null
  if (/card/i.test(raw)) return { step: "payment", message }
  if (/starts_at|time/i.test(raw)) return { step: "time", message }
  if (/don't offer|location|address|postal_code|city|country|take bookings in/i.test(raw)) return { step: "location", message }
  if (/option|variant/i.test(raw)) return { step: "option", message }
  if (/contact|email|phone|dependent|business/i.test(raw)) return { step: "contact", message }
  if (/instructions/i.test(raw)) return { step: "instructions", message }
  return null
}

/**
 * Booked: the confirmation page. Held for the bank's check: kept in the draft (a reload shows the
 * check again rather than booking twice) and back to this page, where Stripe.js shows it.
 */
async function answerPlaced(request: Request, draft: BookingDraft, placed: PlacedBooking, again = false) {
  if (!placed.clientSecret) return redirect(`/bookings/${encodeURIComponent(placed.booking.id)}/confirmed`, { headers: await clearDraft(request) })
  const held = { booking_id: placed.booking.id, client_secret: placed.clientSecret, again }
  return saveStep(request, { ...draft, held }, "payment")
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { token, draft } = await loadStep(request, params.handle, "review")
  const form = await request.formData()
  const unheld = { ...draft, held: undefined }
  try {
    if (draft.held && text(form, "intent") === "release") {
      const confirmed = await releaseBookingHold(token, draft.held.booking_id)
      if (confirmed) return answerPlaced(request, draft, { booking: confirmed, clientSecret: null })
      return returnToStep(request, unheld, "payment", "Nothing was charged and the time you chose was let go. Choose another card, or pay on the day.")
    }
    // Held: only the bank's answer finishes it (Confirm again would book twice).
    if (draft.held) return answerPlaced(request, draft, await confirmBookingPayment(token, draft.held.booking_id), true)
    if (draft.repeat) {
      const series = await createBookingSeries(token, seriesInput(bookingInput(draft), draft.repeat))
      return redirect(`${seriesPath(series.id)}?set_up=1`, { headers: await clearDraft(request) })
    }
    return await answerPlaced(request, draft, await placeBooking(token, bookingInput(draft)))
  } catch (error) {
    const problem = await problemOf(request, error)
    // The hold was let go meanwhile (the 30 minutes passed): start the payment again.
    if (draft.held && error instanceof ApiError && error.status === 404) {
      return returnToStep(
        request,
        unheld,
        "payment",
        "The card payment wasn’t confirmed in time, so the time was let go and nothing was charged. Choose how you’d like to pay."
      )
    }
    const target = stepFor(error, problem.message)
    if (target) return returnToStep(request, unheld, target.step, target.message)
    return json({ formError: problem.message }, { status: problem.status })
  }
}

export default function Review() {
  const { service, lines, payment, price, answered, repeats, stepError, stripe, held, voucherHint } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  const submit = useSubmit()
  const [checking, setChecking] = useState(false)
  const submitting = checking || navigation.state !== "idle"

  // The bank wants the customer to confirm (3-D Secure): Stripe.js shows its check, then our server asks Stripe how it went.
  const pending = held
  const bankCheck = useCallback(
    (hold: { clientSecret: string }) => {
      if (!stripe.publishableKey) return
      setChecking(true)
      runBankCheck(stripe.jsUrl, stripe.publishableKey, hold.clientSecret)
        .catch(() => undefined)
        .then(() => submit({ intent: "confirm" }, { method: "post" }))
        .finally(() => setChecking(false))
    },
    [stripe.jsUrl, stripe.publishableKey, submit]
  )
  useEffect(() => {
    if (pending && !pending.again) bankCheck(pending)
  }, [pending, bankCheck])
  return (
    <BookingStepLayout serviceTitle={service.title} handle={service.handle} step="review" answered={answered} error={result?.formError ?? stepError}>
      <dl className="details review" data-testid="booking-review">
        <div className="details__row">
          <dt>Service</dt>
          <dd data-testid="review-service">{service.title}</dd>
          <dd className="review__change" />
        </div>
        {lines.map((line) => (
          <div className="details__row" key={line.testId}>
            <dt>{line.term}</dt>
            <dd data-testid={line.testId}>{line.value}</dd>
            <dd className="review__change">
              <Link to={stepPath(service.handle, line.step)} aria-label={`Change ${line.term.toLowerCase()}`}>
                Change
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <section className="payment" aria-labelledby="payment-heading" data-testid="booking-payment">
        <h2 id="payment-heading">Payment</h2>
        <p>
          <strong data-testid="review-payment">{payment.label}</strong>{" "}
          <Link to={stepPath(service.handle, "payment")} aria-label="Change payment">
            Change
          </Link>
        </p>
        <p className="muted">{payment.detail}</p>
        {voucherHint ? (
          <p data-testid="review-voucher">
            Gift voucher …{voucherHint}
            {price?.gift_voucher ? ` pays ${formatMoney(price.gift_voucher, price.currency_code)}` : ""}.
          </p>
        ) : null}
      </section>
      {price ? (
        <PriceSummary price={price} due={dueText(payment.card)} />
      ) : (
        <p className="muted" data-testid="price-unavailable">
          The price, with tax, is confirmed on your booking once it is placed.
        </p>
      )}
      {pending ? (
        <div className="notice-box" role="status" data-testid="booking-bank-check">
          <p>
            {pending.again
              ? "Your bank hasn’t confirmed the payment yet. Nothing has been charged; your time is held for 30 minutes."
              : "Your bank wants you to confirm this payment. Follow the steps in the window that opens; your time is held meanwhile."}
          </p>
          {pending.again ? (
            <button type="button" className="button" disabled={submitting} onClick={() => bankCheck(pending)} data-testid="booking-bank-check-again">
              Confirm with my bank
            </button>
          ) : null}
          <noscript>
            <p data-testid="booking-bank-check-noscript">
              Confirming with your bank needs JavaScript, which is off in this browser. Nothing has been charged and nothing is booked yet: choose another card,
              or pay on the day.
            </p>
          </noscript>
          <Form method="post">
            <input type="hidden" name="intent" value="release" />
            <button type="submit" className="button button--secondary" disabled={checking} data-testid="booking-bank-check-release">
              Choose another way to pay
            </button>
          </Form>
        </div>
      ) : null}
      <Form method="post" className="form">
        <button type="submit" className="button" disabled={submitting || !!pending}>
          {checking ? "Waiting for your bank…" : repeats ? "Confirm repeat visits" : "Confirm booking"}
        </button>
      </Form>
    </BookingStepLayout>
  )
}
