import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json, redirect } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react"

import { Field, FormAlert } from "~/components/field"
import { PortalClosed } from "~/components/portal-closed"
import { signUp } from "~/lib/api/accounts.server"
import { toProblem } from "~/lib/api/api.server"
import { signInPageSettings } from "~/lib/api/auth.server"
import { hasErrors, newPasswordError, secret, text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { commitSession, getSession, safeRedirect } from "~/lib/session.server"
import { fieldProblems, signUpForm, PASSWORD_HINT, type StoreSignUp as SignUpInput } from "@fieldservice/contract"
import { withReturnPath } from "~/lib/return-path"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Create an account")

export async function loader({ request }: LoaderFunctionArgs) {
  return json({ settings: await signInPageSettings(request, "token", "/account") })
}

type Values = Omit<SignUpInput, "password" | "ref">
type FieldName = "first_name" | "last_name" | "email" | "phone" | "password"

type ActionData = {
  values: Values
  ref?: string
  formError?: string
  closedMessage?: string
  fieldErrors?: Partial<Record<FieldName, string>>
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const values: Values = {
    first_name: text(form, "first_name"),
    last_name: text(form, "last_name"),
    email: text(form, "email"),
    phone: text(form, "phone"),
    kind: form.get("kind") === "business" ? "business" : "personal",
  }
  const password = secret(form, "password")
  // Where they were going (a booking step): the email's link and this browser bring them back.
  const returnTo = safeRedirect(form.get("redirectTo"), "")
  // A friend's invite link: kept through the form (and a failed try) so the referral is recorded.
  const ref = text(form, "ref").slice(0, 40)

  const fieldErrors: ActionData["fieldErrors"] = {
    ...fieldProblems(signUpForm, values),
    password: newPasswordError(password),
  }
  if (hasErrors(fieldErrors)) {
    return json<ActionData>({ values, ref, fieldErrors, formError: "Please check the highlighted fields." }, { status: 400 })
  }

  try {
    const { email } = await signUp({ ...values, password, return_to: returnTo || null, ref: ref || null })
    const session = await getSession(request)
    session.set("pendingEmail", email)
    if (returnTo) session.set("returnTo", returnTo)
    return redirect("/check-email", {
      headers: { "Set-Cookie": await commitSession(session) },
    })
  } catch (error) {
    const problem = toProblem(error)
    if (problem.code === "portal_closed") {
      return json<ActionData>({ values, ref, closedMessage: problem.message }, { status: 403 })
    }
    return json<ActionData>({ values, ref, formError: problem.message }, { status: problem.status })
  }
}

export default function SignUp() {
  const { settings } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const submitting = navigation.state === "submitting"
  const values = actionData?.values
  const errors = actionData?.fieldErrors ?? {}
  const ref = actionData?.ref ?? searchParams.get("ref") ?? ""

  const closedMessage = actionData?.closedMessage ?? (settings.enabled ? null : settings.closedMessage)
  if (closedMessage) {
    return <PortalClosed title="Create an account" message={closedMessage} />
  }

  return (
    <section className="narrow">
      <h1>Create an account</h1>
      <p>
        Already have an account? <Link to={withReturnPath("/sign-in", searchParams.get("redirectTo"))}>Sign in instead</Link>.
      </p>
      {ref ? <p data-testid="invited-note">A friend invited you: your first booking comes with a welcome discount.</p> : null}
      <FormAlert message={actionData?.formError} />
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <input type="hidden" name="ref" value={ref} />
        <Field name="first_name" label="First name" required autoComplete="given-name" defaultValue={values?.first_name} error={errors.first_name} />
        <Field name="last_name" label="Last name" required autoComplete="family-name" defaultValue={values?.last_name} error={errors.last_name} />
        <Field name="email" label="Email" type="email" required autoComplete="email" defaultValue={values?.email} error={errors.email} />
        <Field name="phone" label="Phone" type="tel" required autoComplete="tel" defaultValue={values?.phone} error={errors.phone} />
        <Field
          name="password"
          label="Password"
          type="password"
          required
          minLength={8}
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          error={errors.password}
        />
        <fieldset className="choices">
          <legend>Account type</legend>
          <div className="choice">
            <input type="radio" id="kind-personal" name="kind" value="personal" defaultChecked={values?.kind !== "business"} />
            <label htmlFor="kind-personal">Personal</label>
          </div>
          <div className="choice">
            <input type="radio" id="kind-business" name="kind" value="business" defaultChecked={values?.kind === "business"} />
            <label htmlFor="kind-business">Business</label>
          </div>
        </fieldset>
        <button type="submit" className="button" disabled={submitting}>
          Create account
        </button>
      </Form>
    </section>
  )
}
