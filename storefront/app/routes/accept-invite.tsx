import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { Field, FormAlert } from "~/components/field"
import { acceptInvite, isStaleLink } from "~/lib/api/accounts.server"
import { toProblem } from "~/lib/api/api.server"
import { newPasswordError, secret, text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { PASSWORD_HINT } from "@fieldservice/contract"
import { OfficeContact } from "~/components/office-contact"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Set up your account")

// The invite token is in the address: don't pass it on to other sites.
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "same-origin" })

const INCOMPLETE = "This invitation link is incomplete. Please open the link from your email again."

export async function loader({ request }: LoaderFunctionArgs) {
  return json({ token: new URL(request.url).searchParams.get("token")?.trim() ?? "" })
}

type ActionData = { done: true; email: string | null } | { done: false; formError?: string; passwordError?: string; stale?: boolean }

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const token = text(form, "token")
  const password = secret(form, "password")
  if (!token) {
    return json<ActionData>({ done: false, formError: INCOMPLETE }, { status: 400 })
  }
  const passwordError = newPasswordError(password)
  if (passwordError) {
    return json<ActionData>({ done: false, passwordError }, { status: 400 })
  }
  try {
    const { email } = await acceptInvite(token, password)
    return json<ActionData>({ done: true, email })
  } catch (error) {
    const problem = toProblem(error)
    return json<ActionData>(
      { done: false, formError: problem.message, stale: isStaleLink(problem.code) || problem.code === "token_invalid" },
      { status: problem.status }
    )
  }
}

export default function AcceptInvite() {
  const { token } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"

  if (result?.done) {
    return (
      <section className="narrow" data-testid="invite-done">
        <h1>Your account is ready</h1>
        <p>
          {result.email ? (
            <>
              You can now sign in as <strong>{result.email}</strong> with the password you chose.
            </>
          ) : (
            "You can now sign in with the password you chose."
          )}
        </p>
        <p>
          <Link to="/sign-in" className="button">
            Sign in
          </Link>
        </p>
      </section>
    )
  }

  const failed = result && !result.done ? result : undefined
  if (!token || failed?.stale) {
    return (
      <section className="narrow">
        <h1>Set up your account</h1>
        <FormAlert message={failed?.formError ?? INCOMPLETE} />
        <p>
          Please <OfficeContact /> for a new invitation. If you already set a password, <Link to="/sign-in">sign in</Link> or{" "}
          <Link to="/forgot-password">reset your password</Link>.
        </p>
      </section>
    )
  }

  return (
    <section className="narrow">
      <h1>Set up your account</h1>
      <p>You&rsquo;ve been invited to our customer portal. Choose a password to activate your account.</p>
      <FormAlert message={failed?.formError} />
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="token" value={token} />
        <Field
          name="password"
          label="Choose a password"
          type="password"
          required
          minLength={8}
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          error={failed?.passwordError}
        />
        <button type="submit" className="button" disabled={submitting}>
          Activate my account
        </button>
      </Form>
    </section>
  )
}
