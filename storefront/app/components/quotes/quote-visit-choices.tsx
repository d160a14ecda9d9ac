import { Link } from "@remix-run/react"
import type { StoreSavedCard as SavedCard } from "@fieldservice/contract"

import { cardLabel, expiryText, isExpired } from "~/lib/saved-cards"

export const ON_THE_DAY = "on_the_day"

type Location = { id: string; label: string }

/**
 * The rest of "Book a visit" under the arrival times: where (only when the quote has no address of
 * its own: one of the customer's saved locations) and how to pay (a saved card, or on the day).
 */
export function QuoteVisitChoices({
  cards,
  cardPayments,
  locations,
  needsLocation,
  due,
  returnPath,
  signInForCards = null,
}: {
  cards: SavedCard[]
  cardPayments: boolean
  locations: Location[]
  needsLocation: boolean
  /** What is left to pay for the visit, written out ("£76.00"). */
  due: string
  returnPath: string
  /** Through the emailed link no cards are shown: where to sign in to pay by card. */
  signInForCards?: string | null
}) {
  const usable = cards.filter((card) => !isExpired(card))
  const preferred = usable.find((card) => card.is_default)?.id ?? ON_THE_DAY
  return (
    <>
      {needsLocation ? (
        locations.length ? (
          <fieldset className="choices choices--stacked" data-testid="quote-visit-locations">
            <legend>Where is the visit?</legend>
            {locations.map((location, index) => (
              <div className="choice" key={location.id}>
                <input type="radio" id={`location-${location.id}`} name="address_id" value={location.id} defaultChecked={index === 0} required />
                <label htmlFor={`location-${location.id}`}>{location.label}</label>
              </div>
            ))}
          </fieldset>
        ) : (
          <p className="notice-box">
            This quote has no address. <Link to="/account/locations/new">Add the visit’s address to your locations</Link> first.
          </p>
        )
      ) : null}
      <fieldset className="choices choices--stacked" data-testid="quote-visit-payment">
        <legend>How would you like to pay the {due} left to pay?</legend>
        {cardPayments
          ? usable.map((card) => (
              <div className="choice choice--top" key={card.id}>
                <input type="radio" id={`payment-${card.id}`} name="payment" value={card.id} defaultChecked={preferred === card.id} />
                <label htmlFor={`payment-${card.id}`}>
                  <strong>{cardLabel(card)}</strong>
                  <span className="choice__detail">{expiryText(card)}. Held on your card now and taken once the visit is done.</span>
                </label>
              </div>
            ))
          : null}
        <div className="choice choice--top">
          <input type="radio" id="payment-on-the-day" name="payment" value={ON_THE_DAY} defaultChecked={preferred === ON_THE_DAY} />
          <label htmlFor="payment-on-the-day">
            <strong>Pay on the day</strong>
            <span className="choice__detail">Nothing is charged now. You pay the team when the visit is done.</span>
          </label>
        </div>
      </fieldset>
      {signInForCards ? (
        <p className="field-hint" data-testid="quote-visit-sign-in-for-cards">
          To pay by card, <Link to={signInForCards}>sign in to your account</Link> first.
        </p>
      ) : cardPayments ? (
        <p className="field-hint">
          <Link to={`/account/payments/add?return=${encodeURIComponent(returnPath)}`}>{usable.length ? "Add another card" : "Add a card"}</Link>
        </p>
      ) : null}
    </>
  )
}
