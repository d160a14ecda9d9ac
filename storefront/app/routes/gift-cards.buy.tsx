import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Link, type ShouldRevalidateFunction, useActionData, useLoaderData } from "@remix-run/react"
import type { StoreGiftVoucherOptions, StoreSavedCard } from "@fieldservice/contract"

import { FormAlert } from "~/components/field"
import { BuyForm } from "~/components/gift-vouchers/buy-form"
import { BuyOverview } from "~/components/gift-vouchers/buy-overview"
import { OfficeContact } from "~/components/office-contact"
import { toProblem } from "~/lib/api/api.server"
import { businessTimeZone } from "~/lib/api/booking.server"
import { buyGiftVoucher, getGiftVoucherOptions, voucherProblem } from "~/lib/api/gift-vouchers.server"
import { listSavedCards } from "~/lib/api/saved-cards.server"
import {
  changeRows,
  checkValues,
  initialValues,
  newIdempotencyKey,
  type Overview,
  overviewOf,
  payBody,
  type PurchaseErrors,
  type PurchaseValues,
  readValues,
} from "~/lib/gift-voucher-purchase.server"
import { pageTitle } from "~/lib/meta"
import { dayKey } from "~/lib/services"
import { requireToken, signOutIfRefused } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Buy a gift voucher")

type Loaded = { options: StoreGiftVoucherOptions; cards: StoreSavedCard[]; defaultCardId: string | null; today: string }

/** The offer and the customer's cards; a refused session signs out, anything else is a message to show. */
async function load(request: Request, token: string): Promise<Loaded | { error: string; status: number }> {
  const today = dayKey(new Date(), businessTimeZone())
  try {
    const [options, saved] = await Promise.all([getGiftVoucherOptions(), listSavedCards(token)])
    return { options, cards: saved.saved_cards, defaultCardId: saved.default_card_id, today }
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return { error: problem.message, status: problem.status >= 500 ? 503 : problem.status }
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const loaded = await load(request, token)
  if ("error" in loaded) return json({ error: loaded.error, page: null }, { status: loaded.status })
  const url = new URL(request.url)
  // Back from "Add a card": the card just added is the one chosen.
  const card = url.searchParams.get("card_added") ?? loaded.defaultCardId
  const values = initialValues(loaded.options, loaded.cards, card, url.searchParams.get("service"), loaded.today)
  return json({ error: null, page: { options: loaded.options, cards: loaded.cards, today: loaded.today, values } })
}

export type BuyActionData =
  | { step: 1; values: PurchaseValues; errors: PurchaseErrors; formError?: string }
  | { step: 2; values: PurchaseValues; overview: Overview; idempotencyKey: string; formError?: string; termsError?: boolean }

const KEY = /^[A-Za-z0-9_-]{16,100}$/

/** Step 1 (rows, "Continue"), the overview ("Change", "Pay"): all plain form posts, so it works without JavaScript. */
export async function action({ request }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const form = await request.formData()
  const intent = typeof form.get("intent") === "string" ? String(form.get("intent")) : "continue"
  const values = readValues(form)
  if (intent === "add-service" || intent.startsWith("remove-service-")) return json<BuyActionData>({ step: 1, values: changeRows(values, intent), errors: {} })
  if (intent === "change") return json<BuyActionData>({ step: 1, values, errors: {} })

  const loaded = await load(request, token)
  if ("error" in loaded) return json<BuyActionData>({ step: 1, values, errors: {}, formError: loaded.error }, { status: loaded.status })
  if (!loaded.options.enabled || !loaded.options.card_payments) {
    return json<BuyActionData>({ step: 1, values, errors: {}, formError: "Gift vouchers can't be bought online right now." }, { status: 409 })
  }
  const { errors, purchase } = checkValues(values, loaded)
  if (!purchase) return json<BuyActionData>({ step: 1, values, errors, formError: "Please check the details below." }, { status: 400 })
  const overview = overviewOf(purchase, loaded)
  const posted = String(form.get("idempotency_key") ?? "")
  // The key comes with the overview; one carried back keeps a second "Pay" from charging twice.
  const idempotencyKey = KEY.test(posted) ? posted : newIdempotencyKey()
  if (intent !== "pay") return json<BuyActionData>({ step: 2, values, overview, idempotencyKey })

  const agreed = form.get("agree_terms") === "yes"
  const checked = payBody(purchase, agreed, posted)
  if ("problem" in checked) {
    return json<BuyActionData>({ step: 2, values, overview, idempotencyKey, formError: checked.problem, termsError: !agreed }, { status: 400 })
  }
  try {
    const voucher = await buyGiftVoucher(token, checked.body)
    return redirect(`/gift-cards/${encodeURIComponent(voucher.id)}?done=bought`)
  } catch (error) {
    const problem = voucherProblem(error)
    await signOutIfRefused(request, problem)
    const formError =
      problem.status >= 500 ? "We couldn't finish the payment just now. Press Pay again in a moment: you won't be charged twice." : problem.message
    return json<BuyActionData>({ step: 2, values, overview, idempotencyKey, formError }, { status: problem.status >= 500 ? 503 : problem.status })
  }
}

/** Nothing on the backend changes until "Pay", so the offer and cards needn't be loaded again before. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  const intent = formData?.get("intent")
  if (typeof intent === "string" && intent !== "pay") return false
  return defaultShouldRevalidate
}

export default function BuyGiftVoucher() {
  const { error, page } = useLoaderData<typeof loader>()
  const result = useActionData<BuyActionData>()
  return (
    <section data-testid="gift-voucher-buy">
      <h1>Buy a gift voucher</h1>
      {!page ? (
        <FormAlert message={error} />
      ) : !page.options.enabled ? (
        <div className="notice-box" data-testid="gift-vouchers-off">
          <p>Gift vouchers aren&rsquo;t on sale right now.</p>
        </div>
      ) : !page.options.card_payments ? (
        <div className="notice-box" data-testid="gift-vouchers-no-cards">
          <p>
            <strong>Gift vouchers can&rsquo;t be bought online right now.</strong>
          </p>
          <p>
            They are paid by card, and card payments aren&rsquo;t set up yet. To buy one, please <OfficeContact />.
          </p>
        </div>
      ) : result?.step === 2 ? (
        <BuyOverview result={result} options={page.options} today={page.today} />
      ) : (
        <BuyForm
          options={page.options}
          cards={page.cards}
          today={page.today}
          values={result?.values ?? page.values}
          errors={result?.step === 1 ? result.errors : {}}
          formError={result?.formError}
        />
      )}
      <p>
        <Link to="/gift-cards">Your gift vouchers</Link>
      </p>
    </section>
  )
}
