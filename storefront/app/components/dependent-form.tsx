import { Form } from "@remix-run/react"

import { CustomFieldInputs } from "~/components/custom-field-input"
import { Field, FormAlert } from "~/components/field"
import type { CustomFieldErrors } from "~/lib/custom-fields"
import { lowerLabel, type DependentValues } from "~/lib/dependents"
import { PICTURE_ACCEPT, PICTURE_HINT } from "~/lib/pictures"
import type { BaseCustomField as CustomFieldDefinition } from "@fieldservice/contract"

type DependentFormProps = {
  /** "Pet" */
  label: string
  /** Sent on create only. */
  typeId?: string
  fields: CustomFieldDefinition[]
  values: DependentValues
  formError?: string | null
  fieldErrors?: CustomFieldErrors
  /** Edit page: there is a photo already, so the upload replaces it. */
  hasPhoto?: boolean
  /** The form came back unsaved: browsers don't keep a chosen file, so say so. */
  returned?: boolean
  submitting: boolean
}

/**
 * Add or edit a dependent: name, notes, the type's own fields and an optional photo, in one
 * multipart form posting `intent=save` to the page's own action.
 */
export function DependentForm({
  label,
  typeId,
  fields,
  values,
  formError,
  fieldErrors = {},
  hasPhoto = false,
  returned = false,
  submitting,
}: DependentFormProps) {
  const noun = lowerLabel(label)
  return (
    <>
      <FormAlert message={formError} />
      <Form method="post" encType="multipart/form-data" className="form" noValidate>
        <input type="hidden" name="intent" value="save" />
        {typeId ? <input type="hidden" name="type_id" value={typeId} /> : null}
        <Field
          name="name"
          label="Name (required)"
          required
          aria-required
          maxLength={100}
          autoComplete="off"
          defaultValue={values.name}
          error={fieldErrors.name}
        />
        <div className="field">
          <label htmlFor="notes">Notes (optional)</label>
          <p className="field-hint" id="notes-hint">
            Anything our team should know about your {noun}.
          </p>
          <textarea id="notes" name="notes" rows={3} maxLength={2000} defaultValue={values.notes} aria-describedby="notes-hint" />
        </div>
        <CustomFieldInputs fields={fields} values={values.custom_fields} errors={fieldErrors} idPrefix="dependent" />
        <Field
          name="photo"
          label={hasPhoto ? "New photo (optional)" : "Photo (optional)"}
          type="file"
          accept={PICTURE_ACCEPT}
          hint={[PICTURE_HINT, hasPhoto ? "It replaces the current photo." : null, returned ? "If you chose one before, please choose it again." : null]
            .filter(Boolean)
            .join(" ")}
          error={fieldErrors.photo}
        />
        <button type="submit" className="button" disabled={submitting}>
          {`Save ${noun}`}
        </button>
      </Form>
    </>
  )
}
