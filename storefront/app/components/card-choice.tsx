import { useSubmit } from "@remix-run/react"
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react"
import type { StoreSavedCard as SavedCard } from "@fieldservice/contract"

import { type LoadedStripe, NewCardForm, runBankCheck } from "~/components/invoices/new-card"
import { cardLabel } from "~/lib/saved-cards"

/**
 * Paying with a card from a portal form (invoices, a quote's deposit): a saved card works as a plain
 * form without JavaScript; a new card goes through Stripe's card form (JavaScript), which hands back
 * a PaymentMethod id sent as `payment_method`. When the bank wants the customer to confirm (3-D
 * Secure), Stripe.js shows its page and the form is sent again with `confirm` to ask how it went.
 */
export function useCardPayment({
  cards,
  defaultCardId,
  stripe,
  pendingSecret,
  confirm,
  busy: navigating,
  cardIntents,
}: {
  cards: SavedCard[]
  defaultCardId: string | null
  stripe: { publishableKey: string | null; jsUrl: string }
  pendingSecret: string | null
  confirm: Record<string, string>
  busy: boolean
  /** Only these `intent` buttons pay (other buttons of the same form send it plainly). */
  cardIntents?: string[]
}) {
  const submit = useSubmit()
  const [choice, setChoice] = useState(defaultCardId && cards.some((c) => c.id === defaultCardId) ? defaultCardId : (cards[0]?.id ?? "new"))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const stripeRef = useRef<LoadedStripe | null>(null)
  const onReady = useCallback((loaded: LoadedStripe | null) => (stripeRef.current = loaded), [])
  const submitting = busy || navigating
  const confirmKey = JSON.stringify(confirm)

  useEffect(() => {
    if (!pendingSecret || !stripe.publishableKey) return
    setBusy(true)
    runBankCheck(stripe.jsUrl, stripe.publishableKey, pendingSecret)
      .catch(() => undefined)
      .then(() => submit(JSON.parse(confirmKey) as Record<string, string>, { method: "post" }))
      .finally(() => setBusy(false))
  }, [pendingSecret, stripe.jsUrl, stripe.publishableKey, submit, confirmKey])

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (choice !== "new") return // a saved card: the plain form does it all
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null
    if (cardIntents && !cardIntents.includes(submitter?.value ?? "")) return
    event.preventDefault()
    const loaded = stripeRef.current
    if (!loaded || submitting) return
    const form = new FormData(event.currentTarget)
    if (submitter?.name) form.set(submitter.name, submitter.value)
    setBusy(true)
    setError(null)
    const checked = await loaded.elements.submit()
    const made = checked.error ? { error: checked.error, paymentMethod: undefined } : await loaded.stripe.createPaymentMethod({ elements: loaded.elements })
    setBusy(false)
    if (made.error || !made.paymentMethod) return setError(made.error?.message ?? "Please check your card details.")
    form.set("payment_method", made.paymentMethod.id)
    submit(form, { method: "post" })
  }

  return { choice, setChoice, error, submitting, onReady, onSubmit }
}

/** The card radios (saved cards, then "A new card" with Stripe's form) inside the paying form. */
export function CardChoice({
  legend,
  cards,
  payment,
  stripe,
  amount,
  currency,
  testId,
}: {
  legend: string
  cards: SavedCard[]
  payment: ReturnType<typeof useCardPayment>
  stripe: { publishableKey: string | null; jsUrl: string }
  amount: number
  currency: string
  testId: string
}) {
  const { choice, setChoice, onReady } = payment
  return (
    <>
      <input type="hidden" name="payment_method" value="" />
      <fieldset>
        <legend>{legend}</legend>
        {cards.map((card) => (
          <label key={card.id} className="choice">
            <input type="radio" name="card" value={card.id} checked={choice === card.id} onChange={() => setChoice(card.id)} />
            {cardLabel(card)}
          </label>
        ))}
        <label className="choice">
          <input type="radio" name="card" value="new" checked={choice === "new"} onChange={() => setChoice("new")} data-testid={testId} />A new card
          <noscript> (needs JavaScript)</noscript>
        </label>
      </fieldset>
      {choice === "new" && stripe.publishableKey ? (
        <>
          <NewCardForm publishableKey={stripe.publishableKey} jsUrl={stripe.jsUrl} amount={amount} currency={currency} onReady={onReady} />
          <label className="choice">
            <input type="checkbox" name="save_card" value="yes" /> Save this card for next time
          </label>
        </>
      ) : null}
    </>
  )
}

/** The card the form chose, for the API: a saved card, or the new one Stripe.js made; null when a new card came without JavaScript. */
export function chosenCard(form: FormData): { saved_card_id: string } | { payment_method: string; save_card: boolean } | null {
  const card = String(form.get("card") ?? "")
  const paymentMethod = String(form.get("payment_method") ?? "")
  if (card !== "new") return card ? { saved_card_id: card } : null
  return paymentMethod ? { payment_method: paymentMethod, save_card: form.get("save_card") === "yes" } : null
}

export const NEW_CARD_NEEDS_JS = "Paying with a new card needs JavaScript for Stripe's secure card form. Choose a saved card instead."

/** While the bank wants the customer to confirm (3-D Secure); without JavaScript it can't be done here. */
export function BankCheckNotice({ testId }: { testId: string }) {
  return (
    <div className="notice-box" role="status" data-testid={testId}>
      <p>Your bank wants you to confirm this payment. Follow the steps in the window that opens.</p>
      <noscript>
        <p>Confirming with your bank needs JavaScript. Turn it on and try again, or choose another card. Nothing has been charged.</p>
      </noscript>
    </div>
  )
}
