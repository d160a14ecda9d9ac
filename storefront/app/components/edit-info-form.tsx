import { Form } from "@remix-run/react"

import { CustomFieldInputs } from "~/components/custom-field-input"
import { Field, FormAlert } from "~/components/field"
import { invalidProps, SaveOnEnter } from "~/components/form-rows"
import type { CustomFieldErrors } from "~/lib/custom-fields"
import { MAX_ROWS, PHONE_TYPES, quotedValue, rowMatches, type EditInfoFieldErrors, type EditInfoValues } from "~/lib/edit-info"
import type { BaseCustomField as CustomFieldDefinition } from "@fieldservice/contract"

type EditInfoFormProps = {
  values: EditInfoValues
  /** The backend's message for a refused save, shown above the form. */
  formError?: string | null
  fieldErrors?: EditInfoFieldErrors
  /** The list that just got an empty row: its new input takes the focus. */
  added?: "email" | "phone" | null
  /** The business's own fields the customer may fill in, in rank order. */
  customFields?: CustomFieldDefinition[]
  /** By field key: the backend's message for the field it refused. */
  customFieldErrors?: CustomFieldErrors
  /** The account's sign-in email: the primary one, not changed in this form. */
  signInEmail: string
  submitting: boolean
}

/**
 * The whole "Edit info" form. Every button posts it: Save (`intent=save`) saves; "Add another …"
 * and "Remove" (`add-email`, `remove-phone:<row>`…) only re-render it, so they work without JavaScript.
 */
export function EditInfoForm({ values, formError, fieldErrors = {}, added, customFields = [], customFieldErrors, signInEmail, submitting }: EditInfoFormProps) {
  const quoted = formError ? quotedValue(formError) : null
  const lastEmail = values.emails.length - 1
  const lastPhone = values.phones.length - 1
  return (
    <>
      <FormAlert message={formError} />
      <Form method="post" className="form" noValidate>
        <SaveOnEnter />

        <fieldset className="choices">
          <legend>Account type</legend>
          <div className="choice">
            <input type="radio" id="kind-personal" name="kind" value="personal" defaultChecked={values.kind !== "business"} />
            <label htmlFor="kind-personal">Personal</label>
          </div>
          <div className="choice">
            <input type="radio" id="kind-business" name="kind" value="business" defaultChecked={values.kind === "business"} />
            <label htmlFor="kind-business">Business</label>
          </div>
        </fieldset>

        <Field
          name="first_name"
          label="First name"
          required
          maxLength={100}
          autoComplete="given-name"
          defaultValue={values.first_name}
          error={fieldErrors.first_name}
        />
        <Field
          name="last_name"
          label="Last name"
          required
          maxLength={100}
          autoComplete="family-name"
          defaultValue={values.last_name}
          error={fieldErrors.last_name}
        />

        <fieldset className="group" aria-describedby="other-names-hint">
          <legend>Other names</legend>
          <p className="field-hint" id="other-names-hint">
            Any other names you go by, for example a nickname or a previous surname. Leave a box empty to add none.
          </p>
          {values.additional_names.map((name, index) => (
            <Field
              // The rows are only ever rebuilt from the server's values (see the page's form key).
              key={index}
              id={`additional-name-${index + 1}`}
              name="additional_names"
              label={`Other name ${index + 1}`}
              maxLength={100}
              defaultValue={name}
            />
          ))}
        </fieldset>

        <fieldset className="group" aria-describedby="emails-hint">
          <legend>Other emails</legend>
          <p className="field-hint" id="emails-hint">
            We write to your sign-in email, <strong data-testid="edit-sign-in-email">{signInEmail}</strong>, the primary one. Add any others here; leave a row
            empty to add none.
          </p>
          {values.emails.map((email, index) => {
            const row = index + 1
            const labelId = `email-${row}-label`
            return (
              <div className="contact-row" key={index}>
                <div className="field">
                  <label htmlFor={`email-${row}`} id={labelId}>
                    {`Other email ${row}`}
                  </label>
                  <input
                    id={`email-${row}`}
                    name="email"
                    type="email"
                    autoComplete="off"
                    defaultValue={email}
                    autoFocus={added === "email" && index === lastEmail}
                    {...invalidProps(rowMatches("email", email, quoted))}
                  />
                </div>
                <button
                  type="submit"
                  name="intent"
                  value={`remove-email:${index}`}
                  className="button button--secondary button--small"
                  aria-describedby={labelId}
                >
                  Remove
                </button>
              </div>
            )
          })}
          {values.emails.length < MAX_ROWS ? (
            <button type="submit" name="intent" value="add-email" className="button button--secondary button--small">
              Add another email
            </button>
          ) : null}
        </fieldset>

        <fieldset className="group" aria-describedby="phones-hint">
          <legend>Phone numbers</legend>
          <p className="field-hint" id="phones-hint">
            We call or text the primary number about your bookings. Leave a row empty to add none.
          </p>
          {values.phones.map((phone, index) => {
            const row = index + 1
            const labelId = `phone-${row}-label`
            return (
              <div className="contact-row" key={index}>
                <div className="field">
                  <label htmlFor={`phone-${row}`} id={labelId}>
                    {`Phone ${row}`}
                  </label>
                  <input
                    id={`phone-${row}`}
                    name="phone"
                    type="tel"
                    autoComplete={index === 0 ? "tel" : "off"}
                    defaultValue={phone.number}
                    autoFocus={added === "phone" && index === lastPhone}
                    {...invalidProps(rowMatches("phone", phone.number, quoted))}
                  />
                </div>
                <div className="field field--compact">
                  <label htmlFor={`phone-type-${row}`}>Type</label>
                  <select id={`phone-type-${row}`} name="phone_type" defaultValue={phone.type} aria-describedby={labelId}>
                    {PHONE_TYPES.map((type) => (
                      <option key={type.value} value={type.value}>
                        {type.label}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="choice">
                  <input
                    type="radio"
                    id={`primary-phone-${row}`}
                    name="primary_phone"
                    value={index}
                    defaultChecked={values.primary_phone === index}
                    aria-describedby={labelId}
                  />
                  <label htmlFor={`primary-phone-${row}`}>Primary phone</label>
                </div>
                <button
                  type="submit"
                  name="intent"
                  value={`remove-phone:${index}`}
                  className="button button--secondary button--small"
                  aria-describedby={labelId}
                >
                  Remove
                </button>
              </div>
            )
          })}
          {values.phones.length < MAX_ROWS ? (
            <button type="submit" name="intent" value="add-phone" className="button button--secondary button--small">
              Add another number
            </button>
          ) : null}
        </fieldset>

        {customFields.length > 0 ? (
          <fieldset className="group" data-testid="edit-custom-fields">
            <legend>More about you</legend>
            <CustomFieldInputs fields={customFields} values={values.custom_fields} errors={customFieldErrors} />
          </fieldset>
        ) : null}

        <fieldset className="choices">
          <legend>Email preferences</legend>
          <div className="choice">
            <input type="checkbox" id="reminder_emails" name="reminder_emails" value="yes" defaultChecked={values.reminder_emails} />
            <label htmlFor="reminder_emails">Appointment reminders</label>
          </div>
          <div className="choice">
            <input type="checkbox" id="feedback_emails" name="feedback_emails" value="yes" defaultChecked={values.feedback_emails} />
            <label htmlFor="feedback_emails">Requests to rate a visit</label>
          </div>
          <div className="choice">
            <input type="checkbox" id="marketing_emails" name="marketing_emails" value="yes" defaultChecked={values.marketing_emails} />
            <label htmlFor="marketing_emails">News and offers</label>
          </div>
        </fieldset>

        <button type="submit" name="intent" value="save" className="button" disabled={submitting}>
          Save changes
        </button>
      </Form>
    </>
  )
}
