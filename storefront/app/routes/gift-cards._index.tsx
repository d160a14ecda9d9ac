import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"
import { firstProblem, giftVoucherCode, type StoreGiftVoucher } from "@fieldservice/contract"

import { Field, FormAlert, FormStatus } from "~/components/field"
import { VoucherCard } from "~/components/gift-vouchers/voucher-card"
import { retryHint, toProblem } from "~/lib/api/api.server"
import { businessTimeZone } from "~/lib/api/booking.server"
import { addGiftVoucher, listGiftVouchers, voucherProblem } from "~/lib/api/gift-vouchers.server"
import { text } from "~/lib/forms"
import { voucherTitle } from "~/lib/gift-vouchers"
import { pageTitle } from "~/lib/meta"
import { requireToken, signOutIfRefused } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Gift cards")

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const timeZone = businessTimeZone()
  try {
    const { bought, held } = await listGiftVouchers(token)
    return json({ error: null as string | null, bought, held, timeZone })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json({ error: problem.message, bought: [] as StoreGiftVoucher[], held: [] as StoreGiftVoucher[], timeZone }, { status: 503 })
  }
}

type ActionData = { code: string; error?: string; hint?: string | null; added?: string }

/** "Add a voucher by its code": a received voucher joins the account. */
export async function action({ request }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const code = text(await request.formData(), "code")
  const invalid = firstProblem(giftVoucherCode, { code })
  if (invalid) return json<ActionData>({ code, error: invalid }, { status: 400 })
  try {
    const voucher = await addGiftVoucher(token, giftVoucherCode.parse({ code }).code)
    return json<ActionData>({ code: "", added: `${voucherTitle(voucher)} is now in your account.` })
  } catch (error) {
    const problem = voucherProblem(error)
    await signOutIfRefused(request, problem)
    return json<ActionData>({ code, error: problem.message, hint: retryHint(problem) }, { status: problem.status >= 500 ? 503 : problem.status })
  }
}

function VoucherList({ vouchers, timeZone, testId }: { vouchers: StoreGiftVoucher[]; timeZone: string; testId: string }) {
  return (
    <ul className="profile-list" data-testid={testId}>
      {vouchers.map((voucher) => (
        <VoucherCard key={voucher.id} voucher={voucher} timeZone={timeZone} />
      ))}
    </ul>
  )
}

function AddByCode() {
  const result = useActionData<ActionData>()
  const submitting = useNavigation().state === "submitting"
  return (
    <section aria-labelledby="gift-add-heading" data-testid="gift-add">
      <h2 id="gift-add-heading">Add a voucher by its code</h2>
      <p>Received a gift voucher? Add it here to see what is left on it and use it when you book.</p>
      {result?.added ? (
        <FormStatus testId="gift-added">
          <p>{result.added}</p>
        </FormStatus>
      ) : null}
      <Form method="post" className="form narrow" noValidate>
        <FormAlert message={result?.error} hint={result?.hint} />
        <Field name="code" label="Voucher code" autoComplete="off" autoCapitalize="characters" spellCheck={false} defaultValue={result?.code ?? ""} />
        <button type="submit" className="button" disabled={submitting} data-testid="gift-add-submit">
          Add voucher
        </button>
      </Form>
    </section>
  )
}

/** The customer's gift vouchers: those they bought (still to be sent first) and those they hold. */
export default function GiftCards() {
  const { error, bought, held, timeZone } = useLoaderData<typeof loader>()
  const upcoming = bought.filter((voucher) => voucher.status === "scheduled")
  const past = bought.filter((voucher) => voucher.status !== "scheduled")
  return (
    <section data-testid="gift-cards">
      <h1>Gift cards</h1>
      <p className="account__actions">
        <Link to="/gift-cards/buy" className="button" data-testid="gift-buy-link">
          Buy a gift voucher
        </Link>
      </p>
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : (
        <>
          <section aria-labelledby="gift-bought-heading" data-testid="gift-bought">
            <h2 id="gift-bought-heading">Bought</h2>
            {bought.length === 0 ? <p data-testid="gift-bought-empty">You haven&rsquo;t bought any gift vouchers yet.</p> : null}
            {upcoming.length ? (
              <>
                <h3>Still to be sent</h3>
                <VoucherList vouchers={upcoming} timeZone={timeZone} testId="gift-bought-upcoming" />
              </>
            ) : null}
            {past.length ? (
              <>
                <h3>Sent</h3>
                <VoucherList vouchers={past} timeZone={timeZone} testId="gift-bought-past" />
              </>
            ) : null}
          </section>
          <section aria-labelledby="gift-held-heading" data-testid="gift-held">
            <h2 id="gift-held-heading">Received</h2>
            {held.length ? (
              <VoucherList vouchers={held} timeZone={timeZone} testId="gift-held-list" />
            ) : (
              <p data-testid="gift-held-empty">No vouchers in your account yet. When someone gives you one, add it below with its code.</p>
            )}
          </section>
        </>
      )}
      <AddByCode />
    </section>
  )
}
