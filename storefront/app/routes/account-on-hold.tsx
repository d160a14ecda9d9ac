import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Link, useLoaderData } from "@remix-run/react"

import { pageTitle } from "~/lib/meta"
import { commitSession, getSession } from "~/lib/session.server"
import { OfficeContact } from "~/components/office-contact"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Your account")

/** Where a signed-in customer lands when the store refuses their account (they are signed out). */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const notice = session.get("accountNotice") ?? null
  return json(
    { notice },
    // Reading a flash value removes it; the cookie must be saved for that to stick.
    { headers: { "Set-Cookie": await commitSession(session) } }
  )
}

export default function AccountOnHold() {
  const { notice } = useLoaderData<typeof loader>()
  const closed = notice?.code === "account_archived"
  return (
    <section className="narrow notice" data-testid="account-on-hold">
      <h1>{closed ? "This account has been closed" : "Your account is on hold"}</h1>
      <div role="alert" className="notice-box">
        <p>{notice?.message ?? "Your account is on hold, so you can't sign in or book right now. Please contact us and we'll help."}</p>
      </div>
      <p>
        We&rsquo;ve signed you out. If you think this is a mistake, please <OfficeContact /> and we&rsquo;ll sort it out.
      </p>
      <p>
        <Link to="/support">Help &amp; support</Link>
      </p>
    </section>
  )
}
