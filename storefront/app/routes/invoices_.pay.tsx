import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react"
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react"
import type { Invoice, StoreInvoiceCheckout } from "@fieldservice/contract"

import { CardPaymentsOff } from "~/components/card-payments-off"
import { FormAlert } from "~/components/field"
import { type LoadedStripe, NewCardForm, runBankCheck } from "~/components/invoices/new-card"
import { toProblem } from "~/lib/api/api.server"
import { confirmInvoicePayment, getInvoice, newIdempotencyKey, payInvoices } from "~/lib/api/invoices.server"
import { listSavedCards, stripeBrowserConfig } from "~/lib/api/saved-cards.server"
import { text } from "~/lib/forms"
import { canPay, money } from "~/lib/invoices"
import { pageTitle } from "~/lib/meta"
import { cardLabel, isExpired } from "~/lib/saved-cards"
import { requireToken, signOutIfRefused } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Pay invoices")

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const ids = [...new Set(new URL(request.url).searchParams.getAll("invoice"))].slice(0, 50)
  try {
    const found = await Promise.all(ids.map((id) => getInvoice(token, id).catch(() => null)))
    const invoices = found.filter((invoice): invoice is Invoice => !!invoice && canPay(invoice))
    const saved = await listSavedCards(token)
    const { publishableKey, jsUrl } = stripeBrowserConfig()
    return json({
      error: null as string | null,
      invoices,
      total: invoices.reduce((sum, invoice) => sum + Math.round(invoice.balance * 100), 0) / 100,
      cardPayments: saved.card_payments,
      cards: saved.saved_cards.filter((card) => !isExpired(card)),
      defaultCardId: saved.default_card_id,
      idempotencyKey: newIdempotencyKey(),
      publishableKey,
      jsUrl,
    })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    throw new Response(problem.message, { status: 503 })
  }
}

type ActionData = { formError?: string; requiresAction?: { id: string; clientSecret: string } }

function afterPaying(checkout: StoreInvoiceCheckout) {
  if (checkout.invoices.length === 1) return redirect(`/invoices/${encodeURIComponent(checkout.invoices[0].id)}?done=paid`)
  return redirect("/invoices?view=paid&done=paid")
}

function answer(checkout: StoreInvoiceCheckout) {
  if (checkout.status === "succeeded") return afterPaying(checkout)
  if (checkout.status === "requires_action" && checkout.client_secret) {
    return json<ActionData>({ requiresAction: { id: checkout.id, clientSecret: checkout.client_secret } })
  }
  return json<ActionData>({ formError: checkout.message ?? "The payment didn't go through. Nothing was charged." }, { status: 402 })
}

export async function action({ request }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const form = await request.formData()
  try {
    if (text(form, "intent") === "confirm") return answer(await confirmInvoicePayment(token, text(form, "checkout_id")))
    const card = text(form, "card")
    const paymentMethod = text(form, "payment_method")
    if (card === "new" && !paymentMethod) {
      return json<ActionData>(
        { formError: "Paying with a new card needs JavaScript for Stripe's secure card form. Choose a saved card instead." },
        { status: 400 }
      )
    }
    const checkout = await payInvoices(token, {
      invoice_ids: form.getAll("invoice").map(String),
      ...(card === "new" ? { payment_method: paymentMethod, save_card: form.get("save_card") === "yes" } : { saved_card_id: card }),
      idempotency_key: text(form, "idempotency_key"),
    })
    return answer(checkout)
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    const message = problem.status === 404 ? "One of those invoices or cards is no longer available. Please go back and try again." : problem.message
    return json<ActionData>({ formError: message }, { status: problem.status })
  }
}

export default function PayInvoices() {
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  const submit = useSubmit()
  const [choice, setChoice] = useState(
    data.defaultCardId && data.cards.some((c) => c.id === data.defaultCardId) ? data.defaultCardId : (data.cards[0]?.id ?? "new")
  )
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const stripeRef = useRef<LoadedStripe | null>(null)
  const onReady = useCallback((loaded: LoadedStripe | null) => (stripeRef.current = loaded), [])
  const submitting = busy || navigation.state !== "idle"
  const currency = data.invoices[0]?.currency_code ?? "gbp"

  // The bank wants the customer to confirm (3-D Secure): Stripe.js shows its page, then our server asks Stripe how it went.
  const pending = result?.requiresAction
  useEffect(() => {
    if (!pending || !data.publishableKey) return
    setBusy(true)
    runBankCheck(data.jsUrl, data.publishableKey, pending.clientSecret)
      .catch(() => undefined)
      .then(() => submit({ intent: "confirm", checkout_id: pending.id }, { method: "post" }))
      .finally(() => setBusy(false))
  }, [pending, data.jsUrl, data.publishableKey, submit])

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (choice !== "new") return // a saved card: the plain form does it all
    event.preventDefault()
    const loaded = stripeRef.current
    if (!loaded || submitting) return
    setBusy(true)
    setError(null)
    const form = new FormData(event.currentTarget)
    const checked = await loaded.elements.submit()
    const made = checked.error ? { error: checked.error, paymentMethod: undefined } : await loaded.stripe.createPaymentMethod({ elements: loaded.elements })
    setBusy(false)
    if (made.error || !made.paymentMethod) return setError(made.error?.message ?? "Please check your card details.")
    form.set("payment_method", made.paymentMethod.id)
    submit(form, { method: "post" })
  }

  if (!data.cardPayments) return <CardPaymentsOff />
  if (!data.invoices.length) {
    return (
      <section className="narrow" data-testid="pay-invoices">
        <h1>Pay invoices</h1>
        <p>There is nothing to pay here: these invoices are paid, or no longer yours to pay.</p>
        <Link to="/invoices">Back to invoices</Link>
      </section>
    )
  }
  return (
    <section className="narrow" data-testid="pay-invoices">
      <h1>Pay {money(data.total, currency)}</h1>
      <ul className="plain-list" aria-label="Invoices to pay">
        {data.invoices.map((invoice) => (
          <li key={invoice.id}>
            Invoice {invoice.number}: {money(invoice.balance, invoice.currency_code)}
          </li>
        ))}
      </ul>
      <FormAlert message={error ?? result?.formError ?? null} />
      {pending ? (
        <div className="notice-box" role="status" data-testid="pay-bank-check">
          <p>Your bank wants you to confirm this payment. Follow the steps in the window that opens.</p>
          <noscript>
            <p>Confirming with your bank needs JavaScript. Turn it on and try again, or choose another card. Nothing has been charged.</p>
          </noscript>
        </div>
      ) : null}
      <Form method="post" className="form" onSubmit={onSubmit}>
        <input type="hidden" name="idempotency_key" value={data.idempotencyKey} />
        <input type="hidden" name="payment_method" value="" />
        {data.invoices.map((invoice) => (
          <input key={invoice.id} type="hidden" name="invoice" value={invoice.id} />
        ))}
        <fieldset>
          <legend>Pay with</legend>
          {data.cards.map((card) => (
            <label key={card.id} className="choice">
              <input type="radio" name="card" value={card.id} checked={choice === card.id} onChange={() => setChoice(card.id)} />
              {cardLabel(card)}
            </label>
          ))}
          <label className="choice">
            <input type="radio" name="card" value="new" checked={choice === "new"} onChange={() => setChoice("new")} data-testid="pay-new-card" />A new card
            <noscript> (needs JavaScript)</noscript>
          </label>
        </fieldset>
        {choice === "new" && data.publishableKey ? (
          <>
            <NewCardForm publishableKey={data.publishableKey} jsUrl={data.jsUrl} amount={data.total} currency={currency} onReady={onReady} />
            <label className="choice">
              <input type="checkbox" name="save_card" value="yes" /> Save this card for next time
            </label>
          </>
        ) : null}
        <button type="submit" className="button" disabled={submitting} data-testid="pay-submit">
          {submitting ? "Paying…" : `Pay ${money(data.total, currency)}`}
        </button>
      </Form>
      <p className="muted">Your card is charged through our payment provider, Stripe. Invoices are marked paid once Stripe confirms the payment.</p>
      <p>
        <Link to="/invoices">Back to invoices</Link>
      </p>
    </section>
  )
}
