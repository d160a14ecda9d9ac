import { Form } from "@remix-run/react"

import { Field, FormAlert } from "~/components/field"
import { invalidProps, SaveOnEnter } from "~/components/form-rows"
import { quotedValue, rowMatches } from "~/lib/edit-info"
import { MAX_CONTACT_ROWS, type ContactFieldErrors, type ContactList, type ContactValues } from "~/lib/contacts"

type ContactFormProps = {
  values: ContactValues
  formError?: string | null
  fieldErrors?: ContactFieldErrors
  /** The list that just got an empty row: its new input takes the focus. */
  added?: ContactList | null
  submitting: boolean
}

type RowsProps = {
  list: ContactList
  rows: string[]
  quoted: string | null
  focusLast: boolean
}

function Rows({ list, rows, quoted, focusLast }: RowsProps) {
  const noun = list === "email" ? "Email" : "Phone"
  return (
    <>
      {rows.map((value, index) => {
        const row = index + 1
        const labelId = `contact-${list}-${row}-label`
        return (
          <div className="contact-row" key={index}>
            <div className="field">
              <label htmlFor={`contact-${list}-${row}`} id={labelId}>
                {`${noun} ${row}`}
              </label>
              <input
                id={`contact-${list}-${row}`}
                name={list}
                type={list === "email" ? "email" : "tel"}
                autoComplete="off"
                defaultValue={value}
                autoFocus={focusLast && index === rows.length - 1}
                {...invalidProps(rowMatches(list, value, quoted))}
              />
            </div>
            <button type="submit" name="intent" value={`remove-${list}:${index}`} className="button button--secondary button--small" aria-describedby={labelId}>
              Remove
            </button>
          </div>
        )
      })}
    </>
  )
}

/**
 * Add or edit an additional contact. Save (`intent=save`) saves; "Add another …" and "Remove"
 * only re-render the form, so they work without JavaScript.
 */
export function ContactForm({ values, formError, fieldErrors = {}, added, submitting }: ContactFormProps) {
  const quoted = formError ? quotedValue(formError) : null
  return (
    <>
      <FormAlert message={formError} />
      <Form method="post" className="form" noValidate>
        <SaveOnEnter />
        <Field name="name" label="Name" required maxLength={200} autoComplete="off" defaultValue={values.name} error={fieldErrors.name} />
        <Field
          name="role"
          label="Role (optional)"
          hint="For example Tenant, Site manager or Partner."
          maxLength={100}
          autoComplete="off"
          defaultValue={values.role}
        />
        <fieldset className="group" aria-describedby="contact-emails-hint">
          <legend>Emails</legend>
          <p className="field-hint" id="contact-emails-hint">
            Leave a row empty to add none.
          </p>
          <Rows list="email" rows={values.emails} quoted={quoted} focusLast={added === "email"} />
          {values.emails.length < MAX_CONTACT_ROWS ? (
            <button type="submit" name="intent" value="add-email" className="button button--secondary button--small">
              Add another email
            </button>
          ) : null}
        </fieldset>
        <fieldset className="group" aria-describedby="contact-phones-hint">
          <legend>Phone numbers</legend>
          <p className="field-hint" id="contact-phones-hint">
            Leave a row empty to add none.
          </p>
          <Rows list="phone" rows={values.phones} quoted={quoted} focusLast={added === "phone"} />
          {values.phones.length < MAX_CONTACT_ROWS ? (
            <button type="submit" name="intent" value="add-phone" className="button button--secondary button--small">
              Add another number
            </button>
          ) : null}
        </fieldset>
        <button type="submit" name="intent" value="save" className="button" disabled={submitting}>
          Save contact
        </button>
      </Form>
    </>
  )
}
