import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { Field, FormAlert, FormStatus } from "~/components/field"
import { resendVerification } from "~/lib/api/accounts.server"
import { toProblem } from "~/lib/api/api.server"
import { accountEmailError, text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { getSession } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Check your email")

/** Where sign-up lands: the email the link went to is kept in the session for "Send the link again". */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  return json({ email: session.get("pendingEmail") ?? null })
}

type ActionData = { sent?: boolean; email: string; formError?: string; emailError?: string }

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const session = await getSession(request)
  const email = text(form, "email") || session.get("pendingEmail") || ""
  const invalid = accountEmailError(email)
  if (invalid) {
    return json<ActionData>({ email, emailError: invalid }, { status: 400 })
  }
  try {
    await resendVerification(email)
    return json<ActionData>({ email, sent: true }, { status: 202 })
  } catch (error) {
    const problem = toProblem(error)
    return json<ActionData>({ email, formError: problem.message }, { status: problem.status })
  }
}

export default function CheckEmail() {
  const { email } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"

  return (
    <section className="narrow" data-testid="sign-up-done">
      <h1>Check your email</h1>
      {email ? (
        <p>
          We&rsquo;ve sent a link to <strong>{email}</strong>. Open it to confirm your email address and finish creating your account. The link is valid for 24
          hours.
        </p>
      ) : (
        <p>We&rsquo;ve sent you a link. Open it to confirm your email address and finish creating your account. The link is valid for 24 hours.</p>
      )}
      <p className="muted">Can&rsquo;t find it? Check your spam or junk folder, or ask for a new link.</p>
      {actionData?.sent ? (
        <FormStatus testId="link-resent">
          <p>{"We've sent a new link. It's valid for 24 hours."}</p>
        </FormStatus>
      ) : (
        <FormAlert message={actionData?.formError} />
      )}
      <Form method="post" className="form">
        {email ? (
          <input type="hidden" name="email" value={email} />
        ) : (
          <Field name="email" label="Email" type="email" required autoComplete="email" defaultValue={actionData?.email} error={actionData?.emailError} />
        )}
        <button type="submit" className="button button--secondary" disabled={submitting}>
          Send the link again
        </button>
      </Form>
    </section>
  )
}
