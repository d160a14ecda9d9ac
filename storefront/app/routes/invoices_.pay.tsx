import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"
import type { Invoice, StoreInvoiceCheckout } from "@fieldservice/contract"

import { CardPaymentsOff } from "~/components/card-payments-off"
import { FormAlert } from "~/components/field"
import { BankCheckNotice, CardChoice, chosenCard, NEW_CARD_NEEDS_JS, useCardPayment } from "~/components/card-choice"
import { toProblem } from "~/lib/api/api.server"
import { confirmInvoicePayment, getInvoice, newIdempotencyKey, payInvoices } from "~/lib/api/invoices.server"
import { listSavedCards, stripeBrowserConfig } from "~/lib/api/saved-cards.server"
import { text } from "~/lib/forms"
import { canPay, money } from "~/lib/invoices"
import { pageTitle } from "~/lib/meta"
import { isExpired } from "~/lib/saved-cards"
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
    const card = chosenCard(form)
    if (!card) return json<ActionData>({ formError: NEW_CARD_NEEDS_JS }, { status: 400 })
    const checkout = await payInvoices(token, { invoice_ids: form.getAll("invoice").map(String), ...card, idempotency_key: text(form, "idempotency_key") })
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
  const currency = data.invoices[0]?.currency_code ?? "gbp"
  // The bank wants the customer to confirm (3-D Secure): Stripe.js shows its page, then our server asks Stripe how it went.
  const pending = result?.requiresAction
  const stripe = { publishableKey: data.publishableKey, jsUrl: data.jsUrl }
  const payment = useCardPayment({
    cards: data.cards,
    defaultCardId: data.defaultCardId,
    stripe,
    pendingSecret: pending?.clientSecret ?? null,
    confirm: { intent: "confirm", checkout_id: pending?.id ?? "" },
    busy: navigation.state !== "idle",
  })
  const { error, submitting, onSubmit } = payment

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
      {pending ? <BankCheckNotice testId="pay-bank-check" /> : null}
      <Form method="post" className="form" onSubmit={onSubmit}>
        <input type="hidden" name="idempotency_key" value={data.idempotencyKey} />
        {data.invoices.map((invoice) => (
          <input key={invoice.id} type="hidden" name="invoice" value={invoice.id} />
        ))}
        <CardChoice legend="Pay with" cards={data.cards} payment={payment} stripe={stripe} amount={data.total} currency={currency} testId="pay-new-card" />
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
