import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { EmailOnlyForm } from "~/components/email-only-form"
import { FormStatus } from "~/components/field"
import { PortalClosed } from "~/components/portal-closed"
import { retryHint, toProblem } from "~/lib/api/api.server"
import { getPortalSettings, requestSignInLink } from "~/lib/api/auth.server"
import { accountEmailError, text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { getSession } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Sign in with an emailed link")

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  if (session.get("token")) throw redirect("/account")
  const settings = await getPortalSettings()
  if (!settings.emailLink) throw redirect("/sign-in")
  return json({ settings, email: new URL(request.url).searchParams.get("email") ?? "" })
}

type ActionData = { email: string; sent?: boolean; emailError?: string; formError?: string; formHint?: string | null; closedMessage?: string }

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const email = text(form, "email")
  const invalid = accountEmailError(email)
  if (invalid) return json<ActionData>({ email, emailError: invalid }, { status: 400 })
  try {
    await requestSignInLink(email)
    // The same answer whether or not there is an account for this email.
    return json<ActionData>({ email, sent: true })
  } catch (error) {
    const problem = toProblem(error)
    if (problem.code === "portal_closed") return json<ActionData>({ email, closedMessage: problem.message }, { status: 403 })
    return json<ActionData>({ email, formError: problem.message, formHint: retryHint(problem) }, { status: problem.status })
  }
}

export default function SignInLink() {
  const { settings, email } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  const closedMessage = actionData?.closedMessage ?? (settings.enabled ? null : settings.closedMessage)
  if (closedMessage) return <PortalClosed title="Sign in" message={closedMessage} />

  return (
    <section className="narrow">
      <h1>Sign in with an emailed link</h1>
      {actionData?.sent ? (
        <>
          <FormStatus testId="sign-in-link-sent">
            <p>
              {"If there is an account for "}
              <strong>{actionData.email}</strong>
              {", we've emailed it a link to sign in. Open it on this device within 15 minutes; it works once."}
            </p>
          </FormStatus>
          <p>Check your spam or junk folder if you can&rsquo;t find it.</p>
          <p>
            <Link to="/sign-in">Back to sign in</Link>
          </p>
        </>
      ) : (
        <>
          <p>We&rsquo;ll email you a link that signs you in without a password.</p>
          <EmailOnlyForm
            email={actionData?.email ?? email}
            emailError={actionData?.emailError}
            formError={actionData?.formError}
            formHint={actionData?.formHint}
            submitLabel="Email me a sign-in link"
            submitting={submitting}
          />
          <p>
            <Link to="/sign-in">Sign in with your password instead</Link>
          </p>
        </>
      )}
    </section>
  )
}
