import { Form, Link, useNavigation } from "@remix-run/react"
import { useEffect, useState } from "react"
import { formatMoney, type StoreGiftVoucherOptions, type StoreSavedCard } from "@fieldservice/contract"

import { Field, FormAlert, SelectField } from "~/components/field"
import { cardLabel, expiryText, isExpired } from "~/lib/saved-cards"
import { addDays } from "~/lib/services"
import type { PurchaseErrors, PurchaseValues } from "~/lib/gift-voucher-purchase.server"

const MAX_SERVICE_ROWS = 10
export const ADD_CARD_PATH = `/account/payments/add?return=${encodeURIComponent("/gift-cards/buy")}`

/** One service row: its select and, when there are more, a "Remove" button (a plain form post). */
function ServiceRow({ index, value, options, removable }: { index: number; value: string; options: { value: string; label: string }[]; removable: boolean }) {
  return (
    <div className="gift-service-row" data-testid="gift-service-row">
      <SelectField name="service_ids" id={`service-${index}`} label={`Service ${index + 1}`} options={options} defaultValue={value} />
      {removable ? (
        <button type="submit" name="intent" value={`remove-service-${index}`} className="link-button" aria-label={`Remove service ${index + 1}`}>
          Remove
        </button>
      ) : null}
    </div>
  )
}

function CardRadios({ cards, chosen, error }: { cards: StoreSavedCard[]; chosen: string; error?: string }) {
  if (cards.length === 0) {
    return (
      <div className="notice-box" data-testid="gift-no-card">
        <p>Vouchers are paid with a saved card, and you have none yet.</p>
        <p>
          <Link to={ADD_CARD_PATH}>Add a card</Link>, then come back here.
        </p>
      </div>
    )
  }
  return (
    <fieldset className="choices choices--stacked">
      <legend>Pay with</legend>
      {error ? <p className="field-error">{error}</p> : null}
      {cards.map((card) => {
        const id = `card-${card.id}`
        const expired = isExpired(card)
        return (
          <div className="choice choice--top" key={card.id} data-testid="gift-card-choice">
            <input type="radio" id={id} name="saved_card_id" value={card.id} defaultChecked={chosen === card.id} disabled={expired} />
            <label htmlFor={id}>
              <strong>
                {cardLabel(card)}
                {card.is_default ? " (default)" : ""}
              </strong>
              <span className="choice__detail">{expiryText(card)}</span>
            </label>
          </div>
        )
      })}
      <p className="field-hint">
        <Link to={ADD_CARD_PATH}>Add another card</Link>
      </p>
    </fieldset>
  )
}

/** Step 1: what the voucher is, for whom, when it is sent and the card. */
export function BuyForm({
  options,
  cards,
  today,
  values,
  errors,
  formError,
}: {
  options: StoreGiftVoucherOptions
  cards: StoreSavedCard[]
  today: string
  values: PurchaseValues
  errors: PurchaseErrors
  formError?: string
}) {
  const submitting = useNavigation().state === "submitting"
  const money = (amount: number) => formatMoney(amount, options.currency_code)
  const hasServices = options.services.length > 0
  // Without JavaScript both parts show; with it, only the one chosen.
  const [kind, setKind] = useState(values.kind)
  const [enhanced, setEnhanced] = useState(false)
  useEffect(() => setEnhanced(true), [])
  useEffect(() => setKind(values.kind), [values.kind])
  const serviceOptions = [
    { value: "", label: "Choose a service" },
    // One choice per option of each service ("Regular clean (2 bedrooms)"): the voucher pays for that option.
    ...options.services.map((service) => ({
      value: service.variant_id,
      label: `${service.title}${service.option_title ? ` (${service.option_title})` : ""}, ${money(service.price)}`,
    })),
  ]
  const presetChosen = options.amounts.some((amount) => String(amount) === values.amount_choice)
  const otherChosen = values.amount_choice === "other" || (!presetChosen && values.other_amount !== "")

  return (
    <Form method="post" className="form" noValidate data-testid="gift-voucher-form">
      {/* Enter in a field continues, rather than pressing "Remove" or "Add more services". */}
      <button type="submit" name="intent" value="continue" className="default-submit" tabIndex={-1} aria-hidden="true" />
      <FormAlert message={formError} />
      {hasServices ? (
        <fieldset className="choices">
          <legend>What would you like to give?</legend>
          {errors.kind ? <p className="field-error">{errors.kind}</p> : null}
          <div className="choice">
            <input type="radio" id="kind-amount" name="kind" value="amount" defaultChecked={values.kind === "amount"} onChange={() => setKind("amount")} />
            <label htmlFor="kind-amount">An amount</label>
          </div>
          <div className="choice">
            <input
              type="radio"
              id="kind-services"
              name="kind"
              value="services"
              defaultChecked={values.kind === "services"}
              onChange={() => setKind("services")}
            />
            <label htmlFor="kind-services">Services</label>
          </div>
        </fieldset>
      ) : (
        <input type="hidden" name="kind" value="amount" />
      )}

      {!enhanced || !hasServices || kind !== "services" ? (
        <fieldset className="choices gift-amounts" data-testid="gift-amounts">
          <legend>{hasServices ? "An amount" : "Amount"}</legend>
          {options.amounts.map((amount) => (
            <div className="choice" key={amount}>
              <input
                type="radio"
                id={`amount-${amount}`}
                name="amount_choice"
                value={String(amount)}
                defaultChecked={values.amount_choice === String(amount)}
              />
              <label htmlFor={`amount-${amount}`}>{money(amount)}</label>
            </div>
          ))}
          <div className="choice">
            <input type="radio" id="amount-other" name="amount_choice" value="other" defaultChecked={otherChosen} />
            <label htmlFor="amount-other">Another amount</label>
          </div>
          <Field
            name="other_amount"
            label="Your amount"
            hint={`Any amount from ${money(options.min_amount)} to ${money(options.max_amount)}`}
            inputMode="decimal"
            defaultValue={values.other_amount}
            error={errors.amount}
            onFocus={() => {
              const other = document.getElementById("amount-other")
              if (other instanceof HTMLInputElement) other.checked = true
            }}
          />
        </fieldset>
      ) : null}

      {hasServices && (!enhanced || kind === "services") ? (
        <fieldset className="choices choices--stacked" data-testid="gift-services">
          <legend>Services</legend>
          <p className="field-hint">The voucher pays for each service listed, one visit each, whenever they book it.</p>
          {errors.service_ids ? <p className="field-error">{errors.service_ids}</p> : null}
          {values.service_ids.map((value, index) => (
            <ServiceRow key={`${index}-${value}`} index={index} value={value} options={serviceOptions} removable={values.service_ids.length > 1} />
          ))}
          {values.service_ids.length < MAX_SERVICE_ROWS ? (
            <p>
              <button type="submit" name="intent" value="add-service" className="button button--secondary button--small" data-testid="gift-add-service">
                Add more services
              </button>
            </p>
          ) : null}
        </fieldset>
      ) : null}

      <fieldset className="choices choices--stacked">
        <legend>Who is it for?</legend>
        <Field name="recipient_name" label="Their name" autoComplete="off" maxLength={200} defaultValue={values.recipient_name} error={errors.recipient_name} />
        <Field
          name="recipient_email"
          label="Their email"
          type="email"
          autoComplete="off"
          hint="We email the voucher here."
          defaultValue={values.recipient_email}
          error={errors.recipient_email}
        />
        <div className="field">
          <label htmlFor="message">Your message (optional)</label>
          <textarea
            id="message"
            name="message"
            rows={4}
            maxLength={1000}
            defaultValue={values.message}
            aria-invalid={errors.message ? true : undefined}
            aria-describedby={errors.message ? "message-error" : undefined}
          />
          {errors.message ? (
            <p className="field-error" id="message-error">
              {errors.message}
            </p>
          ) : null}
        </div>
      </fieldset>

      <Field
        name="deliver_on"
        label="Day we send it"
        type="date"
        min={today}
        max={addDays(today, options.max_delivery_days)}
        hint={`Today, or up to ${options.max_delivery_days} days ahead. It is valid for ${options.validity_months} months from that day.`}
        defaultValue={values.deliver_on}
        error={errors.deliver_on}
      />

      <CardRadios cards={cards} chosen={values.saved_card_id} error={errors.saved_card_id} />

      <button type="submit" name="intent" value="continue" className="button" disabled={submitting} data-testid="gift-continue">
        Continue
      </button>
    </Form>
  )
}
