import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { Field, FormAlert } from "~/components/field"
import { createAccountFromBooking, getBookingSession } from "~/lib/api/accounts.server"
import { toProblem, type Problem } from "~/lib/api/api.server"
import { login } from "~/lib/api/auth.server"
import { hasErrors, newPasswordError, secret, text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { businessTimeZone } from "~/lib/api/booking.server"
import { formatWindow } from "~/lib/services"
import { bookingSessionOver, commitSession, getSession } from "~/lib/session.server"
import { customerNameForm, fieldProblems, PASSWORD_HINT, type StoreBookingSessionBooking as Booking } from "@fieldservice/contract"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "My booking")

const STATUS_LABELS: Record<string, string> = {
  requested: "Requested",
  confirmed: "Confirmed",
  in_progress: "In progress",
  completed: "Completed",
  cancelled: "Cancelled",
}

type BookingView = {
  id: string
  number: string
  service: string
  when: string
  startsAt: string
  status: string
  location: string | null
}

function toView(booking: Booking): BookingView {
  return {
    id: booking.id,
    number: booking.booking_number,
    service: booking.service_title,
    when: formatWindow(booking.starts_at, booking.window_ends_at, businessTimeZone(), "long"),
    startsAt: booking.starts_at,
    status: STATUS_LABELS[booking.status] ?? booking.status,
    location: booking.location_text?.trim() || null,
  }
}

async function requireBookingToken(request: Request): Promise<string> {
  const session = await getSession(request)
  const token = session.get("bookingToken")
  if (!token) throw redirect("/booking-sign-in")
  return token
}

export async function loader({ request }: LoaderFunctionArgs) {
  const bookingToken = await requireBookingToken(request)
  // A page that needs a full account sent them here (My account, My bookings, booking a service).
  const needsAccount = new URL(request.url).searchParams.has("needs_account")
  try {
    const booking = await getBookingSession(bookingToken)
    return json({
      needsAccount,
      error: null as string | null,
      email: booking.email,
      hasAccount: booking.has_account,
      bookings: booking.bookings.map(toView),
    })
  } catch (error) {
    const problem = toProblem(error)
    if (problem.status === 401) return bookingSessionOver(request)
    return json({ needsAccount, error: problem.message, email: "", hasAccount: true, bookings: [] as BookingView[] }, { status: problem.status })
  }
}

type ActionData = {
  values: { first_name: string; last_name: string }
  formError?: string
  /** The email already has an account: offer to sign in instead. */
  accountExists?: boolean
  /** The account was made but signing in failed: send them to sign in. */
  created?: boolean
  fieldErrors?: { first_name?: string; last_name?: string; password?: string }
}

function accountExists(problem: Problem): boolean {
  // 409 in the contract; Medusa's DUPLICATE_ERROR arrives as 422.
  return problem.code === "account_exists" || problem.status === 409 || problem.status === 422
}

export async function action({ request }: ActionFunctionArgs) {
  const bookingToken = await requireBookingToken(request)
  const form = await request.formData()
  const values = { first_name: text(form, "first_name"), last_name: text(form, "last_name") }
  const password = secret(form, "password")

  const fieldErrors = {
    ...fieldProblems(customerNameForm, values),
    password: newPasswordError(password),
  }
  if (hasErrors(fieldErrors)) {
    return json<ActionData>({ values, fieldErrors }, { status: 400 })
  }

  let email: string
  try {
    ;({ email } = await createAccountFromBooking(bookingToken, { ...values, password }))
  } catch (error) {
    const problem = toProblem(error)
    if (problem.status === 401) return bookingSessionOver(request)
    if (accountExists(problem)) {
      return json<ActionData>({ values, formError: problem.message, accountExists: true }, { status: 409 })
    }
    return json<ActionData>({ values, formError: problem.message }, { status: problem.status })
  }

  if (!email) {
    email = (await getBookingSession(bookingToken).catch(() => null))?.email ?? ""
  }
  const result = email ? await login(email, password) : null
  if (!result?.ok) {
    return json<ActionData>(
      {
        values,
        created: true,
        formError: "Your account is ready, but we couldn't sign you in automatically. Please sign in with your email and new password.",
      },
      { status: 200 }
    )
  }

  // The full account replaces the booking-number session.
  const session = await getSession(request)
  session.set("token", result.token)
  session.unset("bookingToken")
  return redirect("/account", {
    headers: { "Set-Cookie": await commitSession(session) },
  })
}

function CreateAccount() {
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  const errors = result?.fieldErrors ?? {}

  if (result?.created || result?.accountExists) {
    return (
      <section className="card account" aria-labelledby="create-account-heading">
        <h2 id="create-account-heading">Create a full account</h2>
        <div role="alert" className={result.created ? "notice-box" : "alert"}>
          <p>{result.formError}</p>
        </div>
        <p>
          <Link to="/sign-in">Sign in</Link>
          {result.accountExists ? (
            <>
              {" "}
              or <Link to="/forgot-password">reset your password</Link>
            </>
          ) : null}
        </p>
      </section>
    )
  }

  return (
    <section className="card account" aria-labelledby="create-account-heading">
      <h2 id="create-account-heading">Create a full account</h2>
      <p>Choose a password to keep all your bookings in one place and book again faster. We&rsquo;ll use the email address from your booking.</p>
      <FormAlert message={result?.formError} />
      <Form method="post" className="form" noValidate>
        <Field name="first_name" label="First name" required autoComplete="given-name" defaultValue={result?.values.first_name} error={errors.first_name} />
        <Field name="last_name" label="Last name" required autoComplete="family-name" defaultValue={result?.values.last_name} error={errors.last_name} />
        <Field
          name="password"
          id="new-account-password"
          label="Choose a password"
          type="password"
          required
          minLength={8}
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          error={errors.password}
        />
        <button type="submit" className="button" disabled={submitting}>
          Create my account
        </button>
      </Form>
    </section>
  )
}

export default function MyBooking() {
  const { error, email, hasAccount, bookings, needsAccount } = useLoaderData<typeof loader>()

  return (
    <>
      <h1>My booking</h1>
      {needsAccount ? (
        <div className="notice-box" role="status" data-testid="needs-account">
          <p>
            That page needs a full account: with your booking number you can see the bookings made with your email.{" "}
            {hasAccount ? "Sign in with your password to use it." : "Create an account below (it takes a password) to use it."}
          </p>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : (
        <>
          <p>
            You&rsquo;re signed in with your booking number as <strong>{email}</strong>. Open a booking to see it, reschedule it or cancel it.
          </p>
          {bookings.length === 0 ? (
            <p>We couldn&rsquo;t find any bookings for this email address.</p>
          ) : (
            <ul className="booking-list" role="list">
              {bookings.map((booking) => (
                <li key={booking.id} className="card booking" data-testid="booking-row">
                  <h2 className="card__title">
                    <Link to={`/bookings/${encodeURIComponent(booking.id)}`}>{booking.service}</Link>
                  </h2>
                  <dl className="details">
                    <dt>Booking number</dt>
                    <dd>{booking.number}</dd>
                    <dt>When</dt>
                    <dd>
                      <time dateTime={booking.startsAt}>{booking.when}</time>
                    </dd>
                    <dt>Status</dt>
                    <dd>{booking.status}</dd>
                    {booking.location ? (
                      <>
                        <dt>Where</dt>
                        <dd>{booking.location}</dd>
                      </>
                    ) : null}
                  </dl>
                </li>
              ))}
            </ul>
          )}
          {hasAccount ? (
            <p>
              You already have an account with this email. <Link to="/sign-in">Sign in with your password</Link> to see everything in one place.
            </p>
          ) : (
            <CreateAccount />
          )}
        </>
      )}
    </>
  )
}
