import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { AccountPageError, BackToAccount } from "~/components/account-page"
import { EditInfoForm } from "~/components/edit-info-form"
import { rowButtonsShouldRevalidate } from "~/components/form-rows"
import { toProblem } from "~/lib/api/api.server"
import { customFieldErrorsFromMessage, formValuesFrom, toCustomFieldInput, type CustomFieldErrors } from "~/lib/custom-fields"
import {
  addRow,
  editInfoFieldErrors,
  readEditInfoForm,
  readIntent,
  removeRow,
  toProfileInput,
  valuesFromProfile,
  type EditInfoFieldErrors,
  type EditInfoValues,
} from "~/lib/edit-info"
import { hasErrors } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { getProfile, updateProfile } from "~/lib/api/profile.server"
import { redirectToAccount, requireToken, signOutIfRefused } from "~/lib/session.server"
import type { BaseCustomField as CustomFieldDefinition, StoreUpdateCustomerProfile as ProfileInput } from "@fieldservice/contract"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Edit info")

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  try {
    const profile = await getProfile(token)
    return json({
      values: valuesFromProfile(profile) as EditInfoValues | null,
      signInEmail: profile.account_email,
      customFields: profile.custom_fields as CustomFieldDefinition[],
      error: null as string | null,
    })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json({ values: null, signInEmail: "", customFields: [], error: problem.message }, { status: problem.status === 404 ? 503 : problem.status })
  }
}

type EditInfoActionData = {
  values: EditInfoValues
  /** New on every answer, so the form is rebuilt from `values` (inputs only read their default once). */
  formKey: string
  formError?: string
  fieldErrors?: EditInfoFieldErrors
  /** "Add another …" was pressed: focus the new row. */
  added?: "email" | "phone"
  /** The custom field a refused save was about. */
  customFieldErrors?: CustomFieldErrors
}

let answers = 0
const formKey = () => `answer-${Date.now()}-${++answers}`

export async function action({ request }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const form = await request.formData()
  const values = readEditInfoForm(form)
  const intent = readIntent(form)

  // "+" and "Remove" change the rows on the page only; what was typed stays and nothing is saved.
  if (intent.type === "add") {
    return json<EditInfoActionData>({ values: addRow(values, intent.list), formKey: formKey(), added: intent.list })
  }
  if (intent.type === "remove") {
    return json<EditInfoActionData>({ values: removeRow(values, intent.list, intent.index), formKey: formKey() })
  }

  const fieldErrors = editInfoFieldErrors(values)
  if (hasErrors(fieldErrors)) {
    return json<EditInfoActionData>({ values, formKey: formKey(), fieldErrors, formError: "Please check the highlighted fields." }, { status: 400 })
  }

  let customFields: CustomFieldDefinition[] = []
  try {
    // The fields' types (to send numbers and yes/no as such), and what is saved: only changed values are sent.
    const saved = await getProfile(token)
    customFields = saved.custom_fields
    const input: ProfileInput = toProfileInput(values)
    const changed = toCustomFieldInput(customFields, values.custom_fields, formValuesFrom(saved.custom_fields))
    if (Object.keys(changed).length > 0) input.custom_fields = changed
    await updateProfile(token, input)
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    const customFieldErrors = problem.status === 400 ? customFieldErrorsFromMessage(problem.message, customFields) : {}
    return json<EditInfoActionData>({ values, formKey: formKey(), formError: problem.message, customFieldErrors }, { status: problem.status })
  }
  return redirectToAccount(request, "Your details were saved")
}

export const shouldRevalidate = rowButtonsShouldRevalidate

export default function EditInfo() {
  const { values, signInEmail, customFields, error } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"

  if (!values) return <AccountPageError title="Edit info" error={error} />

  return (
    <section className="edit-info">
      <h1>Edit info</h1>
      <p>Your name, how to reach you and which emails you get from us.</p>
      <EditInfoForm
        key={result?.formKey ?? "saved"}
        values={result?.values ?? values}
        formError={result?.formError}
        fieldErrors={result?.fieldErrors}
        added={result?.added}
        customFields={customFields}
        customFieldErrors={result?.customFieldErrors}
        signInEmail={signInEmail}
        submitting={submitting}
      />
      <BackToAccount />
    </section>
  )
}
