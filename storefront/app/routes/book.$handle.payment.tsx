import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { answeredSteps, BookingStepLayout } from "~/components/booking-steps"
import { errorStatus, toProblem } from "~/lib/api/api.server"
import { stepPath, type DraftPayment } from "~/lib/booking"
import { loadStep, saveStep } from "~/lib/api/booking.server"
import { text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { cardLabel, expiryText, isExpired } from "~/lib/saved-cards"
import { listSavedCards } from "~/lib/api/saved-cards.server"
import { signOutIfRefused } from "~/lib/session.server"
import { formatMoney, type StoreGiftVoucher, type StoreSavedCard as SavedCard, type StoreSavedCardListResponse as SavedCards } from "@fieldservice/contract"
import { listGiftVouchers } from "~/lib/api/gift-vouchers.server"
import { getStoreCredit } from "~/lib/api/referrals.server"
import { voucherTitle } from "~/lib/gift-vouchers"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? `Book ${data.service.title}: payment` : "Book a service")

const ON_THE_DAY = "on_the_day"
const OTHER_CODE = "other"

/** The saved cards, or (when Stripe can't be reached) none, with a word on why. */
async function savedCardsFor(request: Request, token: string): Promise<SavedCards & { error: string | null }> {
  try {
    return { ...(await listSavedCards(token)), error: null }
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    const status = errorStatus(error)
    if (status === 401 || status === 403) throw error
    return {
      card_payments: false,
      saved_cards: [],
      default_card_id: null,
      error: "We can’t show your saved cards right now. You can pay on the day, or try again in a few minutes.",
    }
  }
}

/** The customer's store credit in the service's currency (referral rewards); 0 when none or unreadable. */
async function storeCreditOf(token: string, currency: string): Promise<number> {
  try {
    return (await getStoreCredit(token)).find((row) => row.currency_code === currency)?.balance ?? 0
  } catch {
    return 0
  }
}

/** The vouchers in the customer's account that can pay now; none when they can't be read (a code can still be typed). */
async function usableVouchers(token: string): Promise<StoreGiftVoucher[]> {
  try {
    return (await listGiftVouchers(token)).held.filter((voucher) => voucher.status === "active" && voucher.code)
  } catch {
    return []
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token, service, draft, stepError, headers } = await loadStep(request, params.handle, "payment")
  const [saved, vouchers, credit] = await Promise.all([savedCardsFor(request, token), usableVouchers(token), storeCreditOf(token, service.currency_code)])
  const usable = (id: string | null | undefined) => saved.saved_cards.find((card) => card.id === id && !isExpired(card))?.id
  // A card just added for this booking, else the one chosen before, else the default card, else on the day.
  const justAdded = new URL(request.url).searchParams.get("card_added")
  const chosen = draft.payment
  const selected = usable(justAdded) ?? (chosen?.method === "on_the_day" ? ON_THE_DAY : usable(chosen?.card_id)) ?? usable(saved.default_card_id) ?? ON_THE_DAY
  return json(
    {
      service: { title: service.title, handle: service.handle },
      cardPayments: saved.card_payments,
      cards: saved.saved_cards,
      selected,
      vouchers,
      voucherCode: draft.payment?.gift_voucher_code ?? "",
      storeCredit: credit > 0 ? { balance: credit, currency_code: service.currency_code, chosen: draft.payment?.use_store_credit ?? true } : null,
      loadError: saved.error,
      answered: answeredSteps(draft),
      stepError,
    },
    { headers }
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { token, draft } = await loadStep(request, params.handle, "payment")
  const form = await request.formData()
  const choice = text(form, "payment")
  // A voucher of the account, or a code typed in; spaces and lower case are forgiven. The review step's price checks it.
  const voucherChoice = text(form, "gift_voucher")
  const gift_voucher_code = (voucherChoice === OTHER_CODE ? text(form, "gift_voucher_other") : voucherChoice).toUpperCase().replace(/\s+/g, "") || null
  let payment: DraftPayment
  if (choice === ON_THE_DAY || !choice) {
    payment = { method: "on_the_day" }
  } else {
    const saved = await savedCardsFor(request, token)
    const card = saved.saved_cards.find((item) => item.id === choice)
    if (!card) {
      return json({ formError: saved.error ?? "That card is no longer saved on your account. Choose how you’d like to pay." }, { status: 400 })
    }
    if (isExpired(card)) {
      return json({ formError: `${cardLabel(card)} has expired. Choose another card, or pay on the day.` }, { status: 400 })
    }
    payment = { method: "card", card_id: card.id }
  }
  const use_store_credit = text(form, "use_store_credit") === "yes"
  return saveStep(request, { ...draft, payment: { ...payment, gift_voucher_code, use_store_credit } }, "payment")
}

function CardChoice({ card, selected }: { card: SavedCard; selected: string }) {
  const id = `payment-${card.id}`
  const expired = isExpired(card)
  return (
    <div className="choice choice--top" data-testid="payment-choice">
      <input type="radio" id={id} name="payment" value={card.id} defaultChecked={selected === card.id} disabled={expired} aria-describedby={`${id}-detail`} />
      <label htmlFor={id}>
        <strong>
          {cardLabel(card)}
          {card.is_default ? " (default)" : ""}
        </strong>
        <span className="choice__detail" id={`${id}-detail`}>
          {expiryText(card)}
          {expired ? " — choose another card" : ""}
        </span>
      </label>
    </div>
  )
}

/** "Use a gift voucher": one of the account's, a code typed in, or none. It pays first; the card or the day pays the rest. */
function VoucherChoice({ vouchers, code }: { vouchers: StoreGiftVoucher[]; code: string }) {
  const held = vouchers.find((voucher) => voucher.code === code)
  const typed = code && !held ? code : ""
  return (
    <fieldset className="choices choices--stacked" data-testid="payment-voucher">
      <legend>Use a gift voucher?</legend>
      <div className="choice">
        <input type="radio" id="voucher-none" name="gift_voucher" value="" defaultChecked={!code} />
        <label htmlFor="voucher-none">No gift voucher</label>
      </div>
      {vouchers.map((voucher) => (
        <div className="choice choice--top" key={voucher.id} data-testid="payment-voucher-choice">
          <input type="radio" id={`voucher-${voucher.id}`} name="gift_voucher" value={voucher.code!} defaultChecked={held?.id === voucher.id} />
          <label htmlFor={`voucher-${voucher.id}`}>
            <strong>{voucherTitle(voucher)}</strong>
            <span className="choice__detail">
              {voucher.kind === "amount" ? `${formatMoney(voucher.balance, voucher.currency_code)} left · ` : ""}…{voucher.code!.slice(-4)}
            </span>
          </label>
        </div>
      ))}
      <div className="choice choice--top">
        <input type="radio" id="voucher-other" name="gift_voucher" value={OTHER_CODE} defaultChecked={!!typed} />
        <label htmlFor="voucher-other">
          <strong>A voucher code</strong>
          <span className="choice__detail">
            <input
              type="text"
              name="gift_voucher_other"
              aria-label="Voucher code"
              defaultValue={typed}
              placeholder="GIFT-XXXX-XXXX-XXXX-XXXX"
              autoCapitalize="characters"
              autoComplete="off"
              data-testid="payment-voucher-code"
            />
          </span>
        </label>
      </div>
    </fieldset>
  )
}

export default function ChoosePayment() {
  const { service, cardPayments, cards, selected, vouchers, voucherCode, storeCredit, loadError, answered, stepError } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  const addCardPath = `/account/payments/add?return=${encodeURIComponent(stepPath(service.handle, "payment"))}`
  return (
    <BookingStepLayout
      serviceTitle={service.title}
      handle={service.handle}
      step="payment"
      answered={answered}
      error={result?.formError ?? stepError ?? loadError}
    >
      <Form method="post" className="form" noValidate>
        {cardPayments ? (
          <fieldset className="choices choices--stacked">
            <legend>How would you like to pay?</legend>
            {cards.map((card) => (
              <CardChoice key={card.id} card={card} selected={selected} />
            ))}
            <div className="choice choice--top" data-testid="payment-choice">
              <input
                type="radio"
                id="payment-on-the-day"
                name="payment"
                value={ON_THE_DAY}
                defaultChecked={selected === ON_THE_DAY}
                aria-describedby="payment-on-the-day-detail"
              />
              <label htmlFor="payment-on-the-day">
                <strong>Pay on the day</strong>
                <span className="choice__detail" id="payment-on-the-day-detail">
                  Nothing is charged now. You pay the team when the visit is done.
                </span>
              </label>
            </div>
          </fieldset>
        ) : (
          <div className="notice-box" data-testid="payment-on-the-day">
            <input type="hidden" name="payment" value={ON_THE_DAY} />
            <p>
              <strong>Pay on the day</strong>
            </p>
            <p>Nothing is charged now. You pay the team when the visit is done.</p>
          </div>
        )}
        {cardPayments ? (
          <p className="field-hint">
            With a card, the price is held on your card now and taken once the visit is done.{" "}
            <Link to={addCardPath}>{cards.length ? "Add another card" : "Add a card"}</Link>
          </p>
        ) : null}
        <VoucherChoice vouchers={vouchers} code={voucherCode} />
        {storeCredit ? (
          <div className="choice choice--top" data-testid="payment-store-credit">
            <input type="checkbox" id="use-store-credit" name="use_store_credit" value="yes" defaultChecked={storeCredit.chosen} />
            <label htmlFor="use-store-credit">
              <strong>Use my store credit</strong>
              <span className="choice__detail">{formatMoney(storeCredit.balance, storeCredit.currency_code)} available. It pays after any voucher.</span>
            </label>
          </div>
        ) : null}
        <button type="submit" className="button" disabled={submitting}>
          Continue
        </button>
      </Form>
    </BookingStepLayout>
  )
}
