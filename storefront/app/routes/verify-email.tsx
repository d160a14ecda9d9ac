import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { Field, FormAlert, FormStatus } from "~/components/field"
import { isStaleLink, resendVerification, verifyEmail } from "~/lib/api/accounts.server"
import { toProblem } from "~/lib/api/api.server"
import { emailError, text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { commitSession, getSession, safeRedirect } from "~/lib/session.server"
import { withReturnPath } from "~/lib/return-path"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Confirm your email")

// The token is in the address: don't pass it on to other sites.
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "same-origin" })

/**
 * Only shows the button. Mail scanners open links to check them, so the token is used
 * up by the POST, never by simply opening the page.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const token = url.searchParams.get("token")?.trim() ?? ""
  // The page they were on when they signed up (from the email's link, or this browser's sign-up).
  const session = await getSession(request)
  const next = safeRedirect(url.searchParams.get("next") ?? session.get("returnTo"), "")
  return json({ token, next })
}

type ActionData =
  | { intent: "verify"; verified: true; email: string | null; next: string }
  | { intent: "verify"; verified: false; message: string; offerResend: boolean }
  | { intent: "resend"; sent: boolean; email: string; message?: string; emailError?: string }

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()

  if (form.get("intent") === "resend") {
    const email = text(form, "email")
    const invalid = emailError(email)
    if (invalid) {
      return json<ActionData>({ intent: "resend", sent: false, email, emailError: invalid }, { status: 400 })
    }
    try {
      await resendVerification(email)
      return json<ActionData>({ intent: "resend", sent: true, email }, { status: 202 })
    } catch (error) {
      const problem = toProblem(error)
      return json<ActionData>({ intent: "resend", sent: false, email, message: problem.message }, { status: problem.status })
    }
  }

  const token = text(form, "token")
  if (!token) {
    return json<ActionData>(
      {
        intent: "verify",
        verified: false,
        message: "This link is incomplete. Please open the link from your email again, or ask for a new one.",
        offerResend: true,
      },
      { status: 400 }
    )
  }
  const next = safeRedirect(form.get("next"), "")
  try {
    const verified = await verifyEmail(token)
    // Sign-up is finished: "Send the link again" is no longer needed.
    const session = await getSession(request)
    session.unset("pendingEmail")
    session.unset("returnTo")
    // The link proved the address: a fresh session, and back to where they were.
    if (verified.session) {
      session.set("token", verified.session)
      session.unset("bookingToken")
      if (!next) session.flash("accountMessage", "Your email is confirmed and you're signed in. Welcome!")
      return redirect(next || "/account", { headers: { "Set-Cookie": await commitSession(session) } })
    }
    return json<ActionData>({ intent: "verify", verified: true, email: verified.email, next }, { headers: { "Set-Cookie": await commitSession(session) } })
  } catch (error) {
    const problem = toProblem(error)
    return json<ActionData>(
      {
        intent: "verify",
        verified: false,
        message: problem.message,
        offerResend: isStaleLink(problem.code),
      },
      { status: problem.status }
    )
  }
}

function ResendForm({ result, submitting }: { result?: ActionData; submitting: boolean }) {
  const resend = result?.intent === "resend" ? result : undefined
  if (resend?.sent) {
    return (
      <FormStatus testId="link-resent">
        <p>
          {"We've sent a new link to "}
          <strong>{resend.email}</strong>. It&rsquo;s valid for 24 hours.
        </p>
      </FormStatus>
    )
  }
  return (
    <Form method="post" className="form">
      <input type="hidden" name="intent" value="resend" />
      <FormAlert message={resend?.message} />
      <Field name="email" label="Email" type="email" required autoComplete="email" defaultValue={resend?.email} error={resend?.emailError} />
      <button type="submit" className="button" disabled={submitting}>
        Send a new link
      </button>
    </Form>
  )
}

export default function VerifyEmail() {
  const { token, next } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"

  if (result?.intent === "verify" && result.verified) {
    return (
      <section className="narrow" data-testid="verify-done">
        <h1>Your email is confirmed</h1>
        <p>
          {result.email ? (
            <>
              Thank you. <strong>{result.email}</strong> is confirmed and your account is ready.
            </>
          ) : (
            "Thank you. Your account is ready."
          )}
        </p>
        <p>
          <Link to={withReturnPath("/sign-in", result.next)} className="button">
            {result.next ? "Sign in and carry on" : "Sign in"}
          </Link>
        </p>
      </section>
    )
  }

  const failed = result?.intent === "verify" && !result.verified ? result : undefined
  // After asking for a new link the resend form stays in view with its answer.
  const showResend = Boolean(failed?.offerResend) || result?.intent === "resend" || !token

  return (
    <section className="narrow">
      <h1>Confirm your email</h1>
      {failed ? (
        <FormAlert message={failed.message} />
      ) : !token ? (
        result ? null : (
          <FormAlert message="This link is incomplete. Please open the link from your email again, or ask for a new one." />
        )
      ) : result?.intent !== "resend" ? (
        <>
          <p>
            {next
              ? "Press the button to confirm your email address. You'll be signed in and taken back to your booking."
              : "Press the button to confirm your email address and finish setting up your account. You'll be signed in straight away."}
          </p>
          <Form method="post" className="form">
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="next" value={next} />
            <button type="submit" className="button" disabled={submitting}>
              Confirm my email
            </button>
          </Form>
        </>
      ) : null}
      {failed && !failed.offerResend ? (
        <p>
          <Link to="/sign-in">Go to sign in</Link> or <Link to="/sign-up">create an account</Link>.
        </p>
      ) : null}
      {showResend ? (
        <>
          <h2>Get a new link</h2>
          <p>Enter your email address and we&rsquo;ll send you a new link to confirm it.</p>
          <ResendForm result={result} submitting={submitting} />
        </>
      ) : null}
    </section>
  )
}
