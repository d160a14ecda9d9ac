import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { Field, FormAlert } from "~/components/field"
import { PortalClosed } from "~/components/portal-closed"
import { retryHint } from "~/lib/api/api.server"
import { bookingLogin, signInPageSettings } from "~/lib/api/auth.server"
import { emailError, hasErrors, text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { commitSession, getSession } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Sign in with your booking number")

// Passes on "Retry-After" when there were too many attempts.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After")
  return retryAfter ? { "Retry-After": retryAfter } : new Headers()
}

export async function loader({ request }: LoaderFunctionArgs) {
  const settings = await signInPageSettings(request, "bookingToken", "/my-booking")
  const expired = new URL(request.url).searchParams.get("expired") === "1"
  return json({ settings, expired })
}

type ActionData = {
  email: string
  bookingNumber: string
  formError?: string
  formHint?: string | null
  closedMessage?: string
  fieldErrors?: { email?: string; booking_number?: string }
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const email = text(form, "email")
  const bookingNumber = text(form, "booking_number")

  const fieldErrors = {
    email: emailError(email),
    booking_number: bookingNumber ? undefined : "Enter the booking number from your confirmation.",
  }
  if (hasErrors(fieldErrors)) {
    return json<ActionData>({ email, bookingNumber, fieldErrors }, { status: 400 })
  }

  const result = await bookingLogin(email, bookingNumber)
  if (!result.ok) {
    if (result.reason === "invalid") {
      return json<ActionData>({ email, bookingNumber, formError: "Email or booking number is incorrect." }, { status: 401 })
    }
    if (result.reason === "unavailable") {
      return json<ActionData>({ email, bookingNumber, formError: result.message }, { status: 503 })
    }
    const { problem } = result
    if (problem.code === "portal_closed") {
      return json<ActionData>({ email, bookingNumber, closedMessage: problem.message }, { status: 403 })
    }
    const headers: HeadersInit = problem.retryAfterSeconds ? { "Retry-After": String(problem.retryAfterSeconds) } : {}
    return json<ActionData>({ email, bookingNumber, formError: problem.message, formHint: retryHint(problem) }, { status: problem.status, headers })
  }

  // Kept apart from the full sign-in token: this session only reaches the booking pages.
  const session = await getSession(request)
  session.set("bookingToken", result.token)
  return redirect("/my-booking", {
    headers: { "Set-Cookie": await commitSession(session) },
  })
}

export default function BookingSignIn() {
  const { settings, expired } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  const errors = actionData?.fieldErrors ?? {}

  const closedMessage = actionData?.closedMessage ?? (settings.enabled ? null : settings.closedMessage)
  if (closedMessage) {
    return <PortalClosed title="Sign in with your booking number" message={closedMessage} />
  }
  if (!settings.bookingNumber) {
    return (
      <section className="narrow">
        <h1>Sign in with your booking number</h1>
        <p>Signing in with a booking number isn&rsquo;t available at the moment.</p>
        <p>
          <Link to="/sign-in">Sign in with your email and password</Link>
        </p>
      </section>
    )
  }

  return (
    <section className="narrow">
      <h1>Sign in with your booking number</h1>
      <p>
        Use the email address you booked with and the booking number from your confirmation (it looks like BK-7F3K-Q9XM-2PWD) to see your booking. No password
        needed.
      </p>
      {expired && !actionData ? <p className="notice-box">Your booking session has ended. Please sign in again.</p> : null}
      <FormAlert message={actionData?.formError} hint={actionData?.formHint} />
      <Form method="post" className="form" noValidate>
        <Field name="email" label="Email" type="email" required autoComplete="email" defaultValue={actionData?.email} error={errors.email} />
        <Field
          name="booking_number"
          label="Booking number"
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          defaultValue={actionData?.bookingNumber}
          error={errors.booking_number}
        />
        <button type="submit" className="button" disabled={submitting}>
          Sign in
        </button>
      </Form>
      <ul className="link-list">
        <li>
          <Link to="/sign-in">Sign in with your password instead</Link>
        </li>
      </ul>
    </section>
  )
}
