import { Form, useActionData, useNavigation } from "@remix-run/react"

import { Field, FormAlert, FormStatus } from "~/components/field"
import { PASSWORD_HINT } from "@fieldservice/contract"

/** What My account's action answers to a password change. */
export type PasswordResult = {
  /** Changes on every success, so the form is emptied again. */
  changedAt?: number
  formError?: string
  /** The current password was wrong: the message is in formError. */
  wrongPassword?: boolean
  fieldErrors?: { current?: string; next?: string; again?: string }
}

export function ChangePassword() {
  const result = useActionData<PasswordResult>()
  const submitting = useNavigation().state === "submitting"
  const errors = result?.fieldErrors ?? {}
  return (
    <section className="card account" aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">Change password</h2>
      {result?.changedAt ? (
        <FormStatus testId="password-changed">
          <p>Your password has been changed. Use the new password next time you sign in. We&rsquo;ve emailed you to say so.</p>
        </FormStatus>
      ) : (
        <FormAlert message={result?.formError} />
      )}
      <Form method="post" className="form" key={result?.changedAt ?? "form"} noValidate>
        <Field
          name="current_password"
          label="Current password"
          type="password"
          required
          autoComplete="current-password"
          error={errors.current}
          aria-invalid={errors.current || result?.wrongPassword ? true : undefined}
        />
        <Field
          name="new_password"
          label="New password"
          type="password"
          required
          minLength={8}
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          error={errors.next}
        />
        <Field name="confirm_password" label="New password again" type="password" required autoComplete="new-password" error={errors.again} />
        <button type="submit" className="button" disabled={submitting}>
          Change password
        </button>
      </Form>
    </section>
  )
}
