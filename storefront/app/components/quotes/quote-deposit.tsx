import { Form, useNavigation } from "@remix-run/react"
import type { Quote, QuoteDeposit, StoreSavedCard } from "@fieldservice/contract"

import { BankCheckNotice, CardChoice, useCardPayment } from "~/components/card-choice"
import { FormAlert } from "~/components/field"
import { brandName } from "~/lib/saved-cards"
import { money } from "~/lib/quotes"

export type DepositCards = {
  cardPayments: boolean
  cards: StoreSavedCard[]
  defaultCardId: string | null
  stripe: { publishableKey: string | null; jsUrl: string }
}

const cardText = (card: { brand: string; last4: string }) => `${brandName(card.brand)} •••• ${card.last4}`

/** One line on the deposit: paid (on which card), due, waiting for the bank, or refused (why). */
export function depositText(deposit: QuoteDeposit, currency: string): string {
  const amount = money(deposit.amount, currency)
  if (deposit.status === "paid") return `Deposit paid ${amount}${deposit.card ? ` on ${cardText(deposit.card)}` : ""}.`
  if (deposit.status === "requires_action") return `Your bank wants you to confirm the deposit of ${amount}.`
  if (deposit.status === "failed") return `The deposit of ${amount} was not paid. ${deposit.message ?? ""}`.trim()
  return `A deposit of ${amount} is due.`
}

/**
 * The accepted quote's deposit: what became of it and, until it is paid, "Pay deposit" with a saved
 * card (works without JavaScript) or a new one (Stripe's form). A bank that wants the customer to
 * confirm opens its check here, then the page asks how it went.
 */
export function QuoteDepositPanel({ quote, cards, error }: { quote: Quote; cards: DepositCards; error?: string | null }) {
  const deposit = quote.acceptance?.deposit ?? null
  const navigation = useNavigation()
  const payment = useCardPayment({
    cards: cards.cards,
    defaultCardId: cards.defaultCardId,
    stripe: cards.stripe,
    pendingSecret: deposit?.status === "requires_action" ? deposit.client_secret : null,
    confirm: { intent: "deposit-confirm" },
    busy: navigation.state !== "idle",
  })
  if (!deposit) return null
  const unpaid = deposit.status === "due" || deposit.status === "failed"
  return (
    <div className="quote-deposit" data-testid="quote-deposit-panel" data-status={deposit.status}>
      <p data-testid="quote-deposit-status" role={deposit.status === "failed" ? "alert" : undefined}>
        {depositText(deposit, quote.currency_code)}
      </p>
      {deposit.status === "requires_action" ? <BankCheckNotice testId="quote-deposit-bank-check" /> : null}
      {unpaid && cards.cardPayments ? (
        <Form method="post" className="form" onSubmit={payment.onSubmit}>
          <FormAlert message={payment.error ?? error ?? null} />
          <CardChoice
            legend="Pay the deposit with"
            cards={cards.cards}
            payment={payment}
            stripe={cards.stripe}
            amount={deposit.amount}
            currency={quote.currency_code}
            testId="quote-deposit-new-card"
          />
          <button type="submit" name="intent" value="deposit" className="button" disabled={payment.submitting} data-testid="quote-pay-deposit">
            {payment.submitting ? "Paying…" : `Pay deposit ${money(deposit.amount, quote.currency_code)}`}
          </button>
        </Form>
      ) : null}
    </div>
  )
}

/** On the accept form, when the quote asks a deposit: the card it is paid with as soon as the quote is accepted. */
export function AcceptDepositCard({
  cards,
  payment,
  deposit,
  currency,
}: {
  cards: DepositCards
  payment: ReturnType<typeof useCardPayment>
  deposit: number
  currency: string
}) {
  if (!cards.cardPayments || !(deposit > 0)) return null
  return (
    <div data-testid="quote-accept-card">
      <p>The deposit of {money(deposit, currency)} is taken from your card when you accept.</p>
      <CardChoice
        legend="Pay the deposit with"
        cards={cards.cards}
        payment={payment}
        stripe={cards.stripe}
        amount={deposit}
        currency={currency}
        testId="quote-accept-new-card"
      />
    </div>
  )
}
