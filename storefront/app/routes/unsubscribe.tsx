import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"
import type { EmailPreferenceKind, StoreUnsubscribeRequest } from "@fieldservice/contract"

import { FormAlert, FormStatus } from "~/components/field"
import { toProblem } from "~/lib/api/api.server"
import { readUnsubscribe, unsubscribe } from "~/lib/api/unsubscribe.server"
import { pageTitle } from "~/lib/meta"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Unsubscribe")

// The signed link is in the address: don't pass it on to other sites.
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "same-origin" })

/** The link's parts, from the form (the page's button) or the address (a mail client's one-click POST). */
function linkFrom(url: URL, form?: FormData): StoreUnsubscribeRequest {
  const read = (name: string) => String(form?.get(name) ?? url.searchParams.get(name) ?? "").trim()
  return { customer: read("customer"), kind: read("kind") as EmailPreferenceKind, signature: read("signature") }
}

/**
 * Only asks: mail scanners open links to check them, so nothing changes until the button is
 * pressed (a POST). Works without JavaScript and without signing in.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const link = linkFrom(new URL(request.url))
  try {
    return json({ link, preference: await readUnsubscribe(link), problem: null })
  } catch (error) {
    const problem = toProblem(error)
    return json({ link, preference: null, problem: problem.message }, { status: problem.status })
  }
}

/**
 * The page's button, and RFC 8058's one-click unsubscribe: mail clients POST
 * "List-Unsubscribe=One-Click" to the List-Unsubscribe address, which is this page's.
 */
export async function action({ request }: ActionFunctionArgs) {
  const link = linkFrom(new URL(request.url), await request.formData())
  try {
    const done = await unsubscribe(link)
    return json({ done, problem: null })
  } catch (error) {
    const problem = toProblem(error)
    return json({ done: null, problem: problem.message }, { status: problem.status })
  }
}

export default function Unsubscribe() {
  const { link, preference, problem } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  const ending = (
    <p>
      You can turn any of our emails back on at any time from <Link to="/account/edit">My account → Edit info</Link>.
    </p>
  )

  if (result?.done) {
    return (
      <section className="narrow" data-testid="unsubscribe-done">
        <h1>You&rsquo;re unsubscribed</h1>
        <FormStatus testId="unsubscribed">
          <p>
            We won&rsquo;t send <strong>{result.done.label}</strong> to {result.done.email_hint} any more. Emails about your bookings and invoices still come as
            usual.
          </p>
        </FormStatus>
        {ending}
      </section>
    )
  }

  return (
    <section className="narrow" data-testid="unsubscribe-page">
      <h1>Unsubscribe</h1>
      <FormAlert message={result?.problem ?? problem} />
      {preference ? (
        <>
          <p>
            {preference.subscribed ? (
              <>
                Stop sending <strong>{preference.label}</strong> to {preference.email_hint}?
              </>
            ) : (
              <>
                <strong>{preference.label[0].toUpperCase() + preference.label.slice(1)}</strong> are already off for {preference.email_hint}.
              </>
            )}
          </p>
          {preference.subscribed ? (
            <Form method="post" className="form">
              <input type="hidden" name="customer" value={link.customer} />
              <input type="hidden" name="kind" value={link.kind} />
              <input type="hidden" name="signature" value={link.signature} />
              <button type="submit" className="button" disabled={submitting} data-testid="unsubscribe-confirm">
                Unsubscribe
              </button>
            </Form>
          ) : null}
          <p>Emails about your bookings and invoices, and messages from our office, always come.</p>
        </>
      ) : null}
      {ending}
    </section>
  )
}
