import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { Field, FormAlert } from "~/components/field"
import { toProblem } from "~/lib/api/api.server"
import { resetPassword } from "~/lib/api/auth.server"
import { hasErrors, newPasswordError, secret, text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { PASSWORD_HINT } from "@fieldservice/contract"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Choose a new password")

// The reset token is in the address: don't pass it on to other sites.
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "same-origin" })

const EXPIRED = "This link has expired or was already used."
const INCOMPLETE = "This link is incomplete. Please open the link from your email again, or ask for a new one."

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams
  return json({ token: params.get("token")?.trim() ?? "", email: params.get("email")?.trim() ?? "" })
}

type ActionData = { done: true } | { done: false; expired?: boolean; formError?: string; fieldErrors?: { password?: string; confirm?: string } }

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const token = text(form, "token")
  const email = text(form, "email")
  const password = secret(form, "password")
  const confirm = secret(form, "confirm")

  if (!token || !email) {
    return json<ActionData>({ done: false, formError: INCOMPLETE }, { status: 400 })
  }
  const fieldErrors = {
    password: newPasswordError(password),
    confirm: !confirm ? "Enter the new password again." : confirm !== password ? "The two passwords don't match." : undefined,
  }
  if (hasErrors(fieldErrors)) {
    return json<ActionData>({ done: false, fieldErrors }, { status: 400 })
  }

  try {
    await resetPassword(token, email, password)
    return json<ActionData>({ done: true })
  } catch (error) {
    const problem = toProblem(error)
    if (problem.status === 401) {
      return json<ActionData>({ done: false, expired: true }, { status: 401 })
    }
    return json<ActionData>({ done: false, formError: problem.message }, { status: problem.status })
  }
}

function LinkProblem({ message }: { message: string }) {
  return (
    <section className="narrow">
      <h1>Choose a new password</h1>
      <div role="alert" className="alert" data-testid="reset-expired">
        <p>{message}</p>
      </div>
      <p>
        <Link to="/forgot-password">Ask for a new reset link</Link>
      </p>
    </section>
  )
}

export default function ResetPassword() {
  const { token, email } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"

  if (result?.done) {
    return (
      <section className="narrow" data-testid="reset-done">
        <h1>Your password has been changed</h1>
        <p>You can now sign in with your new password.</p>
        <p>
          <Link to="/sign-in" className="button">
            Sign in
          </Link>
        </p>
      </section>
    )
  }
  if (result?.expired) {
    return <LinkProblem message={EXPIRED} />
  }
  if (!token || !email) {
    return <LinkProblem message={INCOMPLETE} />
  }

  const errors = result?.fieldErrors ?? {}
  return (
    <section className="narrow">
      <h1>Choose a new password</h1>
      <p>
        Choose a new password for <strong>{email}</strong>.
      </p>
      <FormAlert message={result?.formError} />
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <Field
          name="password"
          label="New password"
          type="password"
          required
          minLength={8}
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          error={errors.password}
        />
        <Field name="confirm" label="Confirm new password" type="password" required minLength={8} autoComplete="new-password" error={errors.confirm} />
        <button type="submit" className="button" disabled={submitting}>
          Set new password
        </button>
      </Form>
    </section>
  )
}
