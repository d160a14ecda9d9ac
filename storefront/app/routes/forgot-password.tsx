import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { EmailOnlyForm } from "~/components/email-only-form"
import { FormStatus } from "~/components/field"
import { retryHint, toProblem } from "~/lib/api/api.server"
import { requestPasswordReset } from "~/lib/api/auth.server"
import { emailError, text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Reset your password")

export async function loader({ request }: LoaderFunctionArgs) {
  return json({ email: new URL(request.url).searchParams.get("email") ?? "" })
}

type ActionData = { email: string; requested?: boolean; emailError?: string; formError?: string; formHint?: string | null }

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const email = text(form, "email")
  const invalid = emailError(email)
  if (invalid) {
    return json<ActionData>({ email, emailError: invalid }, { status: 400 })
  }
  try {
    await requestPasswordReset(email)
    // The same answer whether or not there is an account for this email.
    return json<ActionData>({ email, requested: true })
  } catch (error) {
    const problem = toProblem(error)
    return json<ActionData>({ email, formError: problem.message, formHint: retryHint(problem) }, { status: problem.status })
  }
}

export default function ForgotPassword() {
  const { email } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"

  return (
    <section className="narrow">
      <h1>Reset your password</h1>
      {actionData?.requested ? (
        <>
          <FormStatus testId="reset-requested">
            <p>{"If an account exists for that email, we've sent a link to reset the password."}</p>
          </FormStatus>
          <p>The link is valid for a limited time. Check your spam or junk folder if you can&rsquo;t find it.</p>
          <p>
            <Link to="/sign-in">Back to sign in</Link>
          </p>
        </>
      ) : (
        <>
          <p>Enter the email address you use for your account and we&rsquo;ll send you a link to choose a new password.</p>
          <EmailOnlyForm
            email={actionData?.email ?? email}
            emailError={actionData?.emailError}
            formError={actionData?.formError}
            formHint={actionData?.formHint}
            submitLabel="Send reset link"
            submitting={submitting}
          />
          <p>
            <Link to="/sign-in">Back to sign in</Link>
          </p>
        </>
      )}
    </section>
  )
}
