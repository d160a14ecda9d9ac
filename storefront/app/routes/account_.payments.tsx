import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { BackToAccount } from "~/components/account-page"
import { CardPaymentsOff } from "~/components/card-payments-off"
import { FormAlert, FormStatus } from "~/components/field"
import { toProblem } from "~/lib/api/api.server"
import { text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { cardLabel, expiryText, isExpired } from "~/lib/saved-cards"
import { getAutomaticPayment, listSavedCards, makeDefaultCard, removeSavedCard, setAutomaticPayment } from "~/lib/api/saved-cards.server"
import { AutomaticPayment } from "~/components/invoices/automatic-payment"
import { businessTimeZone } from "~/lib/api/booking.server"
import { listPastPayments } from "~/lib/api/invoices.server"
import { PastPayments } from "~/components/invoices/past-payments"
import { requireToken, signOutIfRefused } from "~/lib/session.server"
import type { StoreSavedCard as SavedCard } from "@fieldservice/contract"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Payments")

/** What just happened, shown once at the top (from ?done=…). */
const NOTICES: Record<string, string> = {
  added: "Card added.",
  removed: "Card removed.",
  default: "Default card changed.",
  "automatic-on": "Automatic payment is on: your invoices will be charged to your default card on their due date.",
  "automatic-off": "Automatic payment is off: nothing more will be charged automatically.",
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const notice = NOTICES[new URL(request.url).searchParams.get("done") ?? ""] ?? null
  try {
    const [saved, past, automatic] = await Promise.all([
      listSavedCards(token),
      listPastPayments(token).catch(() => null),
      getAutomaticPayment(token).catch(() => null),
    ])
    return json({
      error: null as string | null,
      notice,
      cardPayments: saved.card_payments,
      cards: saved.saved_cards,
      past,
      automatic,
      timeZone: businessTimeZone(),
    })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json(
      { error: problem.message, notice, cardPayments: true, cards: [] as SavedCard[], past: null, automatic: null, timeZone: businessTimeZone() },
      { status: 503 }
    )
  }
}

type ActionData = { formError?: string; confirmRemove?: SavedCard }

export async function action({ request }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const form = await request.formData()
  const intent = text(form, "intent")
  const cardId = text(form, "card_id")
  try {
    if (intent === "automatic") {
      const enabled = text(form, "enabled") === "true"
      if (enabled && text(form, "agree") !== "yes") return json<ActionData>({ formError: "Tick the box to agree to automatic payment." }, { status: 400 })
      await setAutomaticPayment(token, enabled)
      return redirect(`/account/payments?done=automatic-${enabled ? "on" : "off"}`)
    }
    const card = (await listSavedCards(token)).saved_cards.find((item) => item.id === cardId)
    if (!card) return json<ActionData>({ formError: "That card is no longer saved on your account." }, { status: 404 })
    if (intent === "remove") {
      // "Remove" in the list asks first; the confirmation page's button sends confirm=yes.
      if (text(form, "confirm") !== "yes") return json<ActionData>({ confirmRemove: card })
      await removeSavedCard(token, card.id)
      return redirect("/account/payments?done=removed")
    }
    if (intent === "default") {
      await makeDefaultCard(token, card.id)
      return redirect("/account/payments?done=default")
    }
    return json<ActionData>({ formError: "Choose what to do with the card." }, { status: 400 })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    const message = problem.status === 404 ? "That card is no longer saved on your account." : problem.message
    return json<ActionData>({ formError: message }, { status: problem.status })
  }
}

function CardItem({ card, submitting }: { card: SavedCard; submitting: boolean }) {
  const headingId = `card-${card.id}`
  const expired = isExpired(card)
  return (
    <li className="profile saved-card" data-testid="saved-card">
      <h3 id={headingId} className="profile__name">
        <span data-testid="saved-card-label">{cardLabel(card)}</span>
        {card.is_default ? (
          <span className="badge" data-testid="saved-card-default">
            Default
          </span>
        ) : null}
      </h3>
      <p className={expired ? "profile__text field-error" : "profile__text"} data-testid="saved-card-expiry">
        {expiryText(card)}
      </p>
      <div className="profile__actions">
        {card.is_default ? null : (
          <Form method="post">
            <input type="hidden" name="intent" value="default" />
            <input type="hidden" name="card_id" value={card.id} />
            <button type="submit" className="button button--secondary" aria-describedby={headingId} disabled={submitting}>
              Make default
            </button>
          </Form>
        )}
        {/* Asks "Remove this card?" first; nothing is removed yet. */}
        <Form method="post">
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="card_id" value={card.id} />
          <button type="submit" className="button button--secondary" aria-describedby={headingId} disabled={submitting}>
            Remove
          </button>
        </Form>
      </div>
    </li>
  )
}

function ConfirmRemove({ card, submitting }: { card: SavedCard; submitting: boolean }) {
  return (
    <section className="narrow" data-testid="saved-card-remove-confirm">
      <h1>Remove this card?</h1>
      <div className="notice-box">
        <p>
          <strong>{cardLabel(card)}</strong>
        </p>
        <p>{expiryText(card)}</p>
      </div>
      <p>You won&rsquo;t be able to choose it when you book any more. Bookings already paid with it aren&rsquo;t affected.</p>
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="card_id" value={card.id} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" className="button button--danger" disabled={submitting}>
          Remove this card
        </button>
      </Form>
      <p>
        <Link to="/account/payments">Cancel</Link>
      </p>
    </section>
  )
}

export default function Payments() {
  const { error, notice, cardPayments, cards, past, automatic, timeZone } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"

  if (result?.confirmRemove) return <ConfirmRemove card={result.confirmRemove} submitting={submitting} />

  return (
    <section className="narrow" data-testid="payments">
      <h1>Payments</h1>
      {notice && !result?.formError ? (
        <FormStatus testId="payments-notice">
          <p>{notice}</p>
        </FormStatus>
      ) : null}
      <FormAlert message={result?.formError ?? error} />
      {!cardPayments ? (
        <CardPaymentsOff />
      ) : (
        <section aria-labelledby="saved-cards-heading">
          <h2 id="saved-cards-heading">Saved cards</h2>
          <p className="muted">
            Your cards are kept by our payment provider, Stripe; we only see the type, the last four digits and the expiry date. The default card is chosen for
            you when you book.
          </p>
          {error ? null : cards.length === 0 ? (
            <p data-testid="saved-cards-empty">You haven&rsquo;t saved any cards yet.</p>
          ) : (
            <ul className="profile-list">
              {cards.map((card) => (
                <CardItem key={card.id} card={card} submitting={submitting} />
              ))}
            </ul>
          )}
          <p className="account__actions">
            <Link to="/account/payments/add" className="button button--secondary">
              Add a card
            </Link>
          </p>
        </section>
      )}
      {cardPayments && !error ? <AutomaticPayment state={automatic} timeZone={timeZone} submitting={submitting} /> : null}
      <PastPayments payments={past} timeZone={timeZone} />
      <BackToAccount />
    </section>
  )
}
