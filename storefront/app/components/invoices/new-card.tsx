import { useEffect, useRef, useState } from "react"

import { loadStripeJs, type StripeElements, type StripePayments } from "~/lib/stripe-js"

export type LoadedStripe = { stripe: StripePayments; elements: StripeElements }

/**
 * Stripe's card form for paying with a new card (JavaScript only): the card goes from the browser to
 * Stripe, which hands back a PaymentMethod id for our server to charge.
 */
export function NewCardForm({
  publishableKey,
  jsUrl,
  amount,
  currency,
  onReady,
}: {
  publishableKey: string
  jsUrl: string
  amount: number
  currency: string
  onReady: (loaded: LoadedStripe | null) => void
}) {
  const mountRef = useRef<HTMLDivElement>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let cancelled = false
    loadStripeJs(jsUrl)
      .then((Stripe) => {
        if (cancelled || !mountRef.current) return
        const stripe = Stripe(publishableKey)
        const elements = stripe.elements({ mode: "payment", amount: Math.round(amount * 100), currency: currency.toLowerCase(), paymentMethodTypes: ["card"] })
        elements.create("payment", { layout: "tabs" }).mount(mountRef.current)
        onReady({ stripe, elements })
      })
      .catch(() => !cancelled && setFailed(true))
    return () => {
      cancelled = true
      onReady(null)
    }
  }, [publishableKey, jsUrl, amount, currency, onReady])
  if (failed) return <p className="field-error">We couldn&rsquo;t load the secure card form. Please check your connection and reload the page.</p>
  return <div ref={mountRef} className="card-form__element" data-testid="card-element" />
}

/** The bank's 3-D Secure check in Stripe.js, then `done` (whatever the bank said: our server asks Stripe). */
export async function runBankCheck(jsUrl: string, publishableKey: string, clientSecret: string): Promise<void> {
  const Stripe = await loadStripeJs(jsUrl)
  await Stripe(publishableKey).handleNextAction({ clientSecret })
}
