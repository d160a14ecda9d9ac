import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { useLoaderData } from "@remix-run/react"
import { formatMoney, type ReferralStatus, type StoreCreditBalance, type StoreReferralsResponse } from "@fieldservice/contract"

import { toProblem } from "~/lib/api/api.server"
import { getReferrals, getStoreCredit } from "~/lib/api/referrals.server"
import { pageTitle } from "~/lib/meta"
import { requireToken, signOutIfRefused } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Invite friends")

/** The portal's public address: PORTAL_URL when set (behind a proxy the request may not show it). */
const portalOrigin = (request: Request) => process.env.PORTAL_URL?.trim().replace(/\/$/, "") || new URL(request.url).origin

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  try {
    const [page, credit] = await Promise.all([getReferrals(token), getStoreCredit(token)])
    return json({ error: null as string | null, page, link: `${portalOrigin(request)}${page.link_path}`, credit })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json({ error: problem.message, page: null as StoreReferralsResponse | null, link: "", credit: [] as StoreCreditBalance[] }, { status: 503 })
  }
}

const STATUS_WORDS: Record<ReferralStatus, string> = {
  signed_up: "Signed up: your reward comes after their first visit",
  rewarded: "Reward given",
  refused: "Not eligible",
  revoked: "Reward withdrawn",
}

function welcomeWords(settings: StoreReferralsResponse["settings"]) {
  return settings.welcome_discount_type === "percentage"
    ? `${settings.welcome_discount_value}% off`
    : `${formatMoney(settings.welcome_discount_value, settings.currency_code)} off`
}

export default function Referrals() {
  const { error, page, link, credit } = useLoaderData<typeof loader>()
  if (!page) {
    return (
      <section className="narrow">
        <h1>Invite friends</h1>
        <p role="alert">{error}</p>
      </section>
    )
  }
  const balance = credit.find((row) => row.currency_code === page.settings.currency_code) ?? { currency_code: page.settings.currency_code, balance: 0 }
  return (
    <section className="narrow">
      <h1>Invite friends</h1>
      {page.enabled ? (
        <>
          <p data-testid="referral-offer">
            Your friend gets <strong>{welcomeWords(page.settings)}</strong> their first booking. You get{" "}
            <strong>{formatMoney(page.settings.reward_amount, page.settings.currency_code)}</strong> store credit once their first visit is done.
          </p>
          <label htmlFor="referral-link">Your personal link</label>
          <input
            id="referral-link"
            className="input"
            readOnly
            value={link}
            data-testid="referral-link"
            style={{ width: "100%", maxWidth: "100%", boxSizing: "border-box" }}
          />
          <p className="hint">Copy it and send it to friends. They sign up through it.</p>
        </>
      ) : (
        <p>Invites are paused at the moment.</p>
      )}

      <h2>Your store credit</h2>
      <p data-testid="store-credit-balance">{formatMoney(balance.balance, balance.currency_code)}</p>

      <h2>Friends you invited</h2>
      {page.referrals.length ? (
        <ul className="profile-list" data-testid="referral-list">
          {page.referrals.map((referral) => (
            <li key={referral.id} data-testid="referral-row">
              <strong>{referral.first_name}</strong>
              <br />
              {STATUS_WORDS[referral.status]}
              {referral.status === "rewarded" && referral.reward_amount !== null
                ? `: ${formatMoney(referral.reward_amount, page.settings.currency_code)}`
                : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>No friends have signed up with your link yet.</p>
      )}
    </section>
  )
}
