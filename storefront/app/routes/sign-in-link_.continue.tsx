import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { FormAlert } from "~/components/field"
import { getBusinessName, retryHint } from "~/lib/api/api.server"
import { linkLogin } from "~/lib/api/auth.server"
import { text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { commitSession, getSession } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Sign in")

// Opening the link only shows a button: mail scanners that open links must not use it up.
export async function loader({ request }: LoaderFunctionArgs) {
  return json({ token: new URL(request.url).searchParams.get("token") ?? "", businessName: getBusinessName() })
}

type ActionData = { formError: string; formHint?: string | null }

export async function action({ request }: ActionFunctionArgs) {
  const token = text(await request.formData(), "token")
  if (!token) return json<ActionData>({ formError: "This sign-in link is not complete. Ask for a new one." }, { status: 400 })
  const result = await linkLogin(token)
  if (!result.ok) {
    if (result.reason === "refused") {
      const { problem } = result
      return json<ActionData>({ formError: problem.message, formHint: retryHint(problem) }, { status: problem.status })
    }
    const message = result.message ?? "This sign-in link is not valid. Ask for a new one."
    return json<ActionData>({ formError: message }, { status: result.reason === "invalid" ? 401 : 503 })
  }
  const session = await getSession(request)
  session.set("token", result.token)
  session.unset("bookingToken")
  return redirect("/account", { headers: { "Set-Cookie": await commitSession(session) } })
}

export default function ContinueWithLink() {
  const { token, businessName } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"

  return (
    <section className="narrow">
      <h1>Sign in to {businessName}</h1>
      <FormAlert message={actionData?.formError} hint={actionData?.formHint} />
      {actionData ? (
        <p>
          <Link to="/sign-in-link">Email me a new sign-in link</Link> or <Link to="/sign-in">sign in with your password</Link>.
        </p>
      ) : token ? (
        <Form method="post" className="form">
          <input type="hidden" name="token" value={token} />
          <p>Press the button to finish signing in. The link works once.</p>
          <button type="submit" className="button" disabled={submitting}>
            Sign in
          </button>
        </Form>
      ) : (
        <p>
          This link is not complete. <Link to="/sign-in-link">Ask for a new sign-in link</Link>.
        </p>
      )}
    </section>
  )
}
