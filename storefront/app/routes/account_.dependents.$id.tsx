import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { AccountItemNotFound, AccountPageError, BackToAccount, ConfirmDelete, DangerZone, DeleteForm } from "~/components/account-page"
import { DependentForm } from "~/components/dependent-form"
import { FormAlert } from "~/components/field"
import { changeAndReturnToAccount, deleteAfterConfirming, findForPage } from "~/lib/api/account-items.server"
import { toProblem } from "~/lib/api/api.server"
import { dependentValuesFrom, fieldsOf, lowerLabel } from "~/lib/dependents"
import {
  checkDependentForm,
  deleteDependent,
  dependentFormKey,
  dependentSaveFailed,
  getDependents,
  readDependentForm,
  removeDependentPhoto,
  savePhoto,
  toDependentInput,
  updateDependent,
  type DependentActionData,
} from "~/lib/api/dependents.server"
import { hasErrors } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { redirectToAccount, requireToken, signOutIfRefused, takePageError } from "~/lib/session.server"
import { readForm, TOO_LARGE_MESSAGE, uploadedFile } from "~/lib/uploads.server"
import type { StoreDependent as Dependent, StoreDependentType as DependentType } from "@fieldservice/contract"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.dependent ? `Edit ${data.dependent.name}` : "Not found")

type Found = { dependent: Dependent; type: DependentType | undefined }

/** The customer's dependent and its type, or null (not theirs, or dependents are switched off). */
async function findDependent(token: string, id: string): Promise<Found | null> {
  const all = await getDependents(token)
  const dependent = all?.dependents.find((item) => item.id === id)
  if (!all || !dependent) return null
  return { dependent, type: all.types.find((type) => type.id === dependent.type_id) }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  // "Biscuit was saved, but the photo wasn't: …", after an add or edit whose photo was refused.
  const { pageError, headers } = await takePageError(request)
  const { item: found, error, status } = await findForPage(request, () => findDependent(token, params.id ?? ""))
  if (!found) {
    return json({ dependent: null as Dependent | null, fields: [] as DependentType["fields"], label: "", pageError, error }, { status, headers })
  }
  const { dependent, type } = found
  return json({ dependent, fields: fieldsOf(type, dependent), label: type?.label_singular ?? dependent.type_label, pageError, error }, { headers })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const id = params.id ?? ""
  const read = await readForm(request)
  if (read.tooLarge) {
    return json<DependentActionData>({ formError: TOO_LARGE_MESSAGE, formKey: dependentFormKey() }, { status: 413 })
  }
  const { form } = read
  const intent = form.get("intent")

  if (intent === "delete") {
    return deleteAfterConfirming<DependentActionData>(request, form, () => deleteDependent(token, id), "Removed from your account")
  }

  if (intent === "remove-photo") {
    return changeAndReturnToAccount<DependentActionData>(request, () => removeDependentPhoto(token, id), "Photo removed", "photoError")
  }

  const values = readDependentForm(form)
  let found: Found | null
  try {
    found = await findDependent(token, id)
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json<DependentActionData>({ values, formKey: dependentFormKey(), formError: problem.message }, { status: problem.status })
  }
  if (!found) return json<DependentActionData>({ notFound: true }, { status: 404 })
  const fields = fieldsOf(found.type, found.dependent)

  const photo = uploadedFile(form, "photo")
  const fieldErrors = checkDependentForm(values, photo)
  if (hasErrors(fieldErrors)) {
    return json<DependentActionData>({ values, formKey: dependentFormKey(), fieldErrors, formError: "Please check the highlighted fields." }, { status: 400 })
  }

  let dependent: Dependent
  try {
    dependent = await updateDependent(token, id, toDependentInput(values, fields, dependentValuesFrom(found.dependent)))
  } catch (error) {
    return dependentSaveFailed(request, error, values, fields)
  }
  const photoRefused = await savePhoto(request, token, dependent, form)
  if (photoRefused) return photoRefused
  return redirectToAccount(request, `${dependent.name} was saved`)
}

export default function EditDependent() {
  const { dependent, fields, label, pageError, error } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"

  if (error) return <AccountPageError title="Edit" error={error} />
  if (!dependent || result?.notFound) {
    return (
      <AccountItemNotFound testId="dependent-not-found" title="Not found">
        We couldn&rsquo;t find that. It may have been removed, or the link may be wrong.
      </AccountItemNotFound>
    )
  }
  const noun = lowerLabel(label)

  if (result?.confirmDelete) {
    return (
      <ConfirmDelete testId="dependent-delete-confirm" title={`Remove ${dependent.name}?`} deleteLabel={`Remove this ${noun}`} submitting={submitting}>
        <p>We&rsquo;ll forget what you told us about this {noun}, photo included. This can&rsquo;t be undone.</p>
      </ConfirmDelete>
    )
  }

  return (
    <section className="narrow">
      <h1>{`Edit ${dependent.name}`}</h1>
      {/* The photo of a save that was refused after the rest was saved. */}
      {!result ? <FormAlert message={pageError} /> : null}
      {dependent.photo_url ? (
        <div className="picture-preview">
          <img src={dependent.photo_url} alt={`Photo of ${dependent.name}`} className="avatar avatar--large" />
        </div>
      ) : null}
      <DependentForm
        key={result?.formKey ?? "saved"}
        label={label}
        fields={fields}
        values={result?.values ?? dependentValuesFrom(dependent)}
        formError={result?.formError}
        fieldErrors={result?.fieldErrors}
        returned={Boolean(result?.formKey)}
        hasPhoto={Boolean(dependent.photo_url)}
        submitting={submitting}
      />
      {dependent.photo_url ? (
        <DangerZone headingId="remove-photo-heading" heading="Photo" error={result?.photoError}>
          <Form method="post">
            <input type="hidden" name="intent" value="remove-photo" />
            <button type="submit" className="button button--secondary" disabled={submitting}>
              Remove photo
            </button>
          </Form>
        </DangerZone>
      ) : null}
      <DangerZone headingId="delete-dependent-heading" heading="Remove" text={<>Remove {dependent.name} from your account.</>} error={result?.deleteError}>
        <DeleteForm label={`Remove this ${noun}`} submitting={submitting} />
      </DangerZone>
      <BackToAccount />
    </section>
  )
}
