import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"
import type { Quote, StoreSavedCardListResponse } from "@fieldservice/contract"

import { FormAlert } from "~/components/field"
import { ON_THE_DAY, QuoteVisitChoices } from "~/components/quotes/quote-visit-choices"
import { TimePicker } from "~/components/time-window-choices"
import { toProblem } from "~/lib/api/api.server"
import { listLocations } from "~/lib/api/addresses.server"
import { releaseBookingHold } from "~/lib/api/bookings.server"
import { scheduleQuote } from "~/lib/api/quotes.server"
import { listSavedCards } from "~/lib/api/saved-cards.server"
import { getAvailability } from "~/lib/api/services.server"
import { text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { loadQuoteFor, quoteProblem } from "~/lib/quote-access.server"
import { money } from "~/lib/quotes"
import { withReturnPath } from "~/lib/return-path"
import { PAGE_DAYS, requestedDay, timePage } from "~/lib/time-page"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data?.quote ? `Book a visit: quote ${data.quote.number}` : "Book a visit")

const pagePath = (id: string) => `/quotes/${encodeURIComponent(id)}/book`
const quoteDone = (id: string) => `/quotes/${encodeURIComponent(id)}?done=booked`
const NO_CARDS: StoreSavedCardListResponse = { card_payments: false, saved_cards: [], default_card_id: null }

/** The accepted option's first service: the visit's arrival times are that service's. */
function visitService(quote: Quote) {
  const option = quote.current?.options.find((candidate) => candidate.id === quote.acceptance?.option_id)
  return option?.lines.find((line) => line.product_id)?.product_id ?? null
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, quote } = await loadQuoteFor(request, params.id ?? "")
  const path = pagePath(quote.id)
  const signIn = withReturnPath("/sign-in", path)
  // The emailed link books at the quote's own address, paid on the day; a place to choose needs the account.
  if (!("token" in access) && !quote.address_id) return json({ quote, signIn, state: null })
  // Booked already (perhaps in another tab): the booking, or the quote that names it.
  if (quote.visit) throw redirect("token" in access ? `/bookings/${encodeURIComponent(quote.visit.booking_id)}` : quoteDone(quote.id))
  const serviceId = visitService(quote)
  if (!quote.acceptance || !serviceId) return json({ quote, signIn: null, state: null })
  const [availability, saved, locations] = await Promise.all([
    getAvailability(serviceId, requestedDay(request), PAGE_DAYS),
    "token" in access ? listSavedCards(access.token).catch(() => NO_CARDS) : NO_CARDS,
    quote.address_id || !("token" in access) ? [] : listLocations(access.token),
  ])
  const deposit = quote.acceptance.deposit_amount
  return json({
    quote,
    signIn: null,
    state: {
      page: timePage(availability, request, path),
      cards: saved.saved_cards,
      cardPayments: saved.card_payments,
      locations: locations.map((location) => ({
        id: location.id,
        label: [location.address_1, location.city, location.postal_code].filter(Boolean).join(", "),
      })),
      deposit,
      due: Math.max(0, quote.acceptance.total - deposit),
      signInForCards: "token" in access ? null : signIn,
    },
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { access, quote } = await loadQuoteFor(request, params.id ?? "")
  if (!("token" in access) && !quote.address_id) return redirect(withReturnPath("/sign-in", pagePath(quote.id)))
  const form = await request.formData()
  const startsAt = text(form, "starts_at")
  if (!startsAt) return json({ error: "Choose a time for the visit." }, { status: 400 })
  const payment = text(form, "payment")
  const addressId = text(form, "address_id")
  try {
    if (!("token" in access)) {
      await scheduleQuote(access, quote.id, { starts_at: startsAt })
      return redirect(quoteDone(quote.id))
    }
    const placed = await scheduleQuote(access, quote.id, {
      starts_at: startsAt,
      saved_card_id: payment && payment !== ON_THE_DAY ? payment : null,
      ...(addressId ? { location: { address_id: addressId } } : {}),
    })
    if (!placed.clientSecret) return redirect(`/bookings/${encodeURIComponent(placed.booking.id)}/confirmed`)
    // The bank wants to confirm the card in the browser, which this page doesn't do: nothing is kept.
    await releaseBookingHold(access.token, placed.booking.id)
    return json(
      { error: "Your bank wants you to confirm this card payment, so nothing was booked. Choose to pay on the day, or another card." },
      { status: 402 }
    )
  } catch (error) {
    const problem = toProblem(error)
    if (problem.status >= 500 || problem.status === 401 || problem.status === 404) return quoteProblem(request, access, error)
    return json({ error: problem.message }, { status: problem.status })
  }
}

export default function BookQuoteVisit() {
  const { quote, signIn, state } = useLoaderData<typeof loader>()
  const result = useActionData<{ error?: string }>()
  const submitting = useNavigation().state === "submitting"
  const cur = quote.currency_code
  return (
    <section className="narrow" data-testid="quote-book-page">
      <h1>Book a visit</h1>
      <p className="lead">
        Quote {quote.number}: {quote.title}
      </p>
      {signIn ? (
        <p data-testid="quote-book-sign-in">
          To book the visit, <Link to={signIn}>sign in to your account</Link>. Your saved cards and addresses are there.
        </p>
      ) : !state ? (
        <p data-testid="quote-book-unavailable">
          {quote.acceptance
            ? "This quote has no service we can book a time for online. Call the office to arrange the visit."
            : "Accept the quote first, then book the visit."}
        </p>
      ) : (
        <>
          <dl className="details">
            <dt>Quoted total</dt>
            <dd>{money(quote.acceptance!.total, cur)}</dd>
            {state.deposit > 0 ? (
              <>
                <dt>Deposit</dt>
                <dd>{money(state.deposit, cur)}</dd>
              </>
            ) : null}
          </dl>
          <FormAlert message={result?.error} />
          <TimePicker
            {...state.page}
            intro="Choose a day, then when we should arrive."
            submitLabel="Book the visit"
            submitting={submitting}
            extra={
              <QuoteVisitChoices
                cards={state.cards}
                cardPayments={state.cardPayments}
                locations={state.locations}
                needsLocation={!quote.address_id}
                due={money(state.due, cur)}
                returnPath={pagePath(quote.id)}
                signInForCards={state.signInForCards}
              />
            }
          />
        </>
      )}
      <p>
        <Link to={`/quotes/${encodeURIComponent(quote.id)}`}>Back to the quote</Link>
      </p>
    </section>
  )
}
