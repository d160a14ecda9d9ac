import { Form } from "@remix-run/react"

import { Field, FormAlert } from "~/components/field"

type EmailOnlyFormProps = {
  /** What was typed, or the email the page was opened with. */
  email: string
  emailError?: string
  formError?: string
  formHint?: string | null
  submitLabel: string
  submitting: boolean
}

/** A form that asks for nothing but an email address ("Reset your password", "Sign in with an emailed link"). */
export function EmailOnlyForm({ email, emailError, formError, formHint, submitLabel, submitting }: EmailOnlyFormProps) {
  return (
    <>
      <FormAlert message={formError} hint={formHint} />
      <Form method="post" className="form" noValidate>
        <Field name="email" label="Email" type="email" required autoComplete="email" defaultValue={email} error={emailError} />
        <button type="submit" className="button" disabled={submitting}>
          {submitLabel}
        </button>
      </Form>
    </>
  )
}
