import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react"

import { FormAlert, FormStatus } from "~/components/field"
import { PortalClosed } from "~/components/portal-closed"
import { resendVerification } from "~/lib/api/accounts.server"
import { retryHint, toProblem } from "~/lib/api/api.server"
import { login, signInPageSettings } from "~/lib/api/auth.server"
import { secret, text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { commitSession, getSession, safeRedirect } from "~/lib/session.server"
import { withReturnPath } from "~/lib/return-path"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Sign in")

// Passes on "Retry-After" when there were too many attempts.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After")
  return retryAfter ? { "Retry-After": retryAfter } : new Headers()
}

export async function loader({ request }: LoaderFunctionArgs) {
  return json({ settings: await signInPageSettings(request, "token", "/account") })
}

type ActionData = {
  email: string
  formError?: string
  formHint?: string | null
  /** The backend's reason for refusing, e.g. "email_not_verified". */
  code?: string
  /** Staff have closed the portal: its message replaces the forms. */
  closedMessage?: string
  /** "Send the verification email again" worked. */
  resent?: boolean
  fieldErrors?: { email?: string; password?: string }
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const email = text(form, "email")

  if (form.get("intent") === "resend-verification") {
    if (!email) {
      return json<ActionData>({ email, formError: "Enter your email address, then ask for a new link." }, { status: 400 })
    }
    try {
      await resendVerification(email)
      return json<ActionData>({ email, resent: true })
    } catch (error) {
      const problem = toProblem(error)
      return json<ActionData>({ email, code: "email_not_verified", formError: problem.message, formHint: retryHint(problem) }, { status: problem.status })
    }
  }

  const password = secret(form, "password")
  const redirectTo = safeRedirect(form.get("redirectTo") || new URL(request.url).searchParams.get("redirectTo"))

  const fieldErrors: ActionData["fieldErrors"] = {}
  if (!email) fieldErrors.email = "Enter your email address."
  if (!password) fieldErrors.password = "Enter your password."
  if (fieldErrors.email || fieldErrors.password) {
    return json<ActionData>({ email, fieldErrors }, { status: 400 })
  }

  const result = await login(email, password)
  if (!result.ok) {
    if (result.reason === "invalid") {
      return json<ActionData>({ email, formError: "Email or password is incorrect." }, { status: 401 })
    }
    if (result.reason === "unavailable") {
      return json<ActionData>({ email, formError: result.message }, { status: 503 })
    }
    const { problem } = result
    if (problem.code === "portal_closed") {
      return json<ActionData>({ email, closedMessage: problem.message }, { status: 403 })
    }
    const headers: HeadersInit = problem.retryAfterSeconds ? { "Retry-After": String(problem.retryAfterSeconds) } : {}
    return json<ActionData>({ email, code: problem.code, formError: problem.message, formHint: retryHint(problem) }, { status: problem.status, headers })
  }

  const session = await getSession(request)
  session.set("token", result.token)
  return redirect(redirectTo, {
    headers: { "Set-Cookie": await commitSession(session) },
  })
}

export default function SignIn() {
  const { settings } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const submitting = navigation.state === "submitting"
  const emailError = actionData?.fieldErrors?.email
  const passwordError = actionData?.fieldErrors?.password

  const closedMessage = actionData?.closedMessage ?? (settings.enabled ? null : settings.closedMessage)
  if (closedMessage) {
    return <PortalClosed title="Sign in" message={closedMessage} />
  }

  const unverified = actionData?.code === "email_not_verified" || actionData?.resent

  return (
    <section className="narrow">
      <h1>Sign in</h1>
      {actionData?.resent ? (
        <FormStatus testId="verification-resent">
          <p>
            {"We've sent a new link to "}
            <strong>{actionData.email}</strong>. Open it to confirm your email, then sign in.
          </p>
        </FormStatus>
      ) : (
        <FormAlert message={actionData?.formError} hint={actionData?.formHint} />
      )}
      {unverified && !actionData?.resent ? (
        <Form method="post" className="form form--inline">
          <input type="hidden" name="intent" value="resend-verification" />
          <input type="hidden" name="email" value={actionData?.email ?? ""} />
          <button type="submit" className="button button--secondary" disabled={submitting}>
            Send the verification email again
          </button>
        </Form>
      ) : null}
      <Form method="post" className="form">
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <div className="field">
          <label htmlFor="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            required
            autoComplete="email"
            defaultValue={actionData?.email ?? ""}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? "email-error" : undefined}
          />
          {emailError ? (
            <p className="field-error" id="email-error">
              {emailError}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            required
            autoComplete="current-password"
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={passwordError ? "password-error" : undefined}
          />
          {passwordError ? (
            <p className="field-error" id="password-error">
              {passwordError}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={submitting}>
          Sign in
        </button>
      </Form>

      <ul className="link-list">
        <li>
          <Link to="/forgot-password">Forgot your password?</Link>
        </li>
        {settings.emailLink ? (
          <li>
            <Link to="/sign-in-link">Email me a sign-in link</Link>
          </li>
        ) : null}
        {settings.bookingNumber ? (
          <li>
            <Link to="/booking-sign-in">Use your booking number</Link>
          </li>
        ) : null}
        <li>
          <Link to={withReturnPath("/sign-up", searchParams.get("redirectTo"))}>Create an account</Link>
        </li>
      </ul>

      {settings.google || settings.facebook ? (
        <div className="social" aria-label="Other ways to sign in" role="group">
          <p className="social__divider">or</p>
          {settings.google ? (
            <Form method="post" action="/auth/google/start" reloadDocument>
              <button type="submit" className="button button--secondary button--wide">
                Continue with Google
              </button>
            </Form>
          ) : null}
          {settings.facebook ? (
            <Form method="post" action="/auth/facebook/start" reloadDocument>
              <button type="submit" className="button button--secondary button--wide">
                Continue with Facebook
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}
