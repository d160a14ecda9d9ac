import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"
import { useEffect, useRef, useState, type FormEvent } from "react"

import { CardPaymentsOff } from "~/components/card-payments-off"
import { FormAlert } from "~/components/field"
import { toProblem } from "~/lib/api/api.server"
import { pageTitle } from "~/lib/meta"
import { safeCardReturn } from "~/lib/saved-cards"
import { listSavedCards, stripeBrowserConfig } from "~/lib/api/saved-cards.server"
import { requireToken, signOutIfRefused } from "~/lib/session.server"
import { loadStripeJs, type StripeClient, type StripeElements } from "~/lib/stripe-js"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Add a card")

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  // Back to the Payments page, or to the booking that sent the customer here.
  const returnTo = safeCardReturn(new URL(request.url).searchParams.get("return"))
  const { publishableKey, jsUrl } = stripeBrowserConfig()
  try {
    const { card_payments } = await listSavedCards(token)
    return json({ error: null as string | null, cardPayments: card_payments, publishableKey, jsUrl, returnTo })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json({ error: problem.message, cardPayments: false, publishableKey, jsUrl, returnTo }, { status: 503 })
  }
}

/** Where to go once the card is saved: the Payments page says "Card added"; a booking's payment step chooses the new card. */
function afterAdding(returnTo: string, cardId: string | null): string {
  if (returnTo === "/account/payments") return "/account/payments?done=added"
  return cardId ? `${returnTo}?card_added=${encodeURIComponent(cardId)}` : returnTo
}

type FormState = "loading" | "ready" | "saving" | "failed"

/**
 * Stripe's card form (Payment Element, cards only). The SetupIntent is made only when the
 * customer presses "Add card" (Stripe's deferred flow), then Stripe.js confirms it with the
 * card, which goes from the browser to Stripe and never to us.
 */
function CardForm({ publishableKey, jsUrl, returnTo }: { publishableKey: string; jsUrl: string; returnTo: string }) {
  const mountRef = useRef<HTMLDivElement>(null)
  const stripeRef = useRef<{ stripe: StripeClient; elements: StripeElements } | null>(null)
  const [state, setState] = useState<FormState>("loading")
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let cancelled = false
    loadStripeJs(jsUrl)
      .then((Stripe) => {
        if (cancelled || !mountRef.current) return
        const stripe = Stripe(publishableKey)
        const elements = stripe.elements({ mode: "setup", currency: "gbp", paymentMethodTypes: ["card"] })
        const element = elements.create("payment", { layout: "tabs" })
        element.mount(mountRef.current)
        stripeRef.current = { stripe, elements }
        setState("ready")
      })
      .catch(() => {
        if (cancelled) return
        setState("failed")
        setError("We couldn’t load the secure card form. Please check your connection and reload the page.")
      })
    return () => {
      cancelled = true
    }
  }, [publishableKey, jsUrl])

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const loaded = stripeRef.current
    if (!loaded || state === "saving") return
    setState("saving")
    setError(null)
    const fail = (message: string | undefined) => {
      setError(message || "Your card couldn’t be saved. Please check the details and try again.")
      setState("ready")
    }

    const checked = await loaded.elements.submit()
    if (checked.error) return fail(checked.error.message)

    // Our server makes the SetupIntent (for this customer's Stripe customer) and hands back its client secret only.
    let clientSecret: string
    try {
      const response = await fetch("/account/payments/setup", { method: "POST", headers: { accept: "application/json" } })
      const body = (await response.json()) as { client_secret?: string; message?: string }
      if (!response.ok || !body.client_secret) return fail(body.message)
      clientSecret = body.client_secret
    } catch {
      return fail("We can’t reach our booking system right now. Please try again in a few minutes.")
    }

    const returnUrl = new URL(afterAdding(returnTo, null), window.location.origin).toString()
    const result = await loaded.stripe.confirmSetup({
      elements: loaded.elements,
      clientSecret,
      confirmParams: { return_url: returnUrl },
      redirect: "if_required",
    })
    if (result.error) return fail(result.error.message)
    const method = result.setupIntent?.payment_method
    window.location.assign(afterAdding(returnTo, typeof method === "string" ? method : (method?.id ?? null)))
  }

  return (
    <form className="form card-form" onSubmit={onSubmit} hidden={state === "loading" || state === "failed"} noValidate>
      <FormAlert message={error} />
      <div ref={mountRef} className="card-form__element" data-testid="card-element" />
      <button type="submit" className="button" disabled={state !== "ready"}>
        {state === "saving" ? "Saving card…" : "Add card"}
      </button>
    </form>
  )
}

export default function AddCard() {
  const { error, cardPayments, publishableKey, jsUrl, returnTo } = useLoaderData<typeof loader>()
  const backLabel = returnTo === "/account/payments" ? "Back to payments" : returnTo === "/gift-cards/buy" ? "Back to gift vouchers" : "Back to your booking"
  let body
  if (error) {
    body = <FormAlert message={error} />
  } else if (!cardPayments) {
    body = <CardPaymentsOff />
  } else if (!publishableKey) {
    body = <FormAlert message="Adding a card isn’t available right now. Please try again later, or pay on the day when you book." />
  } else {
    body = (
      <>
        <p className="muted">
          Your card details go straight to our payment provider, Stripe, through their secure form. We never see or store your card number.
        </p>
        <noscript>
          <div className="notice-box" data-testid="card-form-needs-js">
            <p>
              <strong>Adding a card needs JavaScript.</strong>
            </p>
            <p>Stripe&rsquo;s secure card form only works with JavaScript turned on. Turn it on and reload this page, or pay on the day when you book.</p>
          </div>
        </noscript>
        <CardForm publishableKey={publishableKey} jsUrl={jsUrl} returnTo={returnTo} />
      </>
    )
  }
  return (
    <section className="narrow" data-testid="add-card">
      <h1>Add a card</h1>
      {body}
      <p>
        <Link to={returnTo}>{backLabel}</Link>
      </p>
    </section>
  )
}
