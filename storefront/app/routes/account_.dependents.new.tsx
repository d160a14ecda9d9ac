import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { BackToAccount } from "~/components/account-page"
import { DependentForm } from "~/components/dependent-form"
import { toProblem } from "~/lib/api/api.server"
import { emptyDependentValues, withArticle } from "~/lib/dependents"
import {
  checkDependentForm,
  createDependent,
  dependentFormKey,
  dependentSaveFailed,
  getDependents,
  readDependentForm,
  savePhoto,
  toDependentInput,
  type DependentActionData,
} from "~/lib/api/dependents.server"
import { hasErrors, text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { redirectToAccount, requireToken, signOutIfRefused } from "~/lib/session.server"
import { readForm, TOO_LARGE_MESSAGE, uploadedFile } from "~/lib/uploads.server"
import type { StoreDependentType as DependentType } from "@fieldservice/contract"
import { OfficeContact } from "~/components/office-contact"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data?.type ? `Add ${withArticle(data.type.label_singular)}` : "Not available")

/** The type the customer is adding, if the business offers it in the portal. */
async function findType(token: string, typeId: string): Promise<DependentType | null> {
  const dependents = await getDependents(token)
  return dependents?.types.find((type) => type.id === typeId) ?? null
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const typeId = new URL(request.url).searchParams.get("type") ?? ""
  try {
    const type = await findType(token, typeId)
    return json({ type, error: null as string | null }, { status: type ? 200 : 404 })
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json({ type: null as DependentType | null, error: problem.message }, { status: problem.status })
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const read = await readForm(request)
  if (read.tooLarge) {
    return json<DependentActionData>({ formError: TOO_LARGE_MESSAGE, formKey: dependentFormKey() }, { status: 413 })
  }
  const { form } = read
  const values = readDependentForm(form)

  let type: DependentType | null
  try {
    type = await findType(token, text(form, "type_id"))
  } catch (error) {
    const problem = toProblem(error)
    await signOutIfRefused(request, problem)
    return json<DependentActionData>({ values, formKey: dependentFormKey(), formError: problem.message }, { status: problem.status })
  }
  if (!type) return json<DependentActionData>({ notFound: true }, { status: 404 })

  const photo = uploadedFile(form, "photo")
  const fieldErrors = checkDependentForm(values, photo)
  if (hasErrors(fieldErrors)) {
    return json<DependentActionData>({ values, formKey: dependentFormKey(), fieldErrors, formError: "Please check the highlighted fields." }, { status: 400 })
  }

  let dependent
  try {
    dependent = await createDependent(token, { type_id: type.id, ...toDependentInput(values, type.fields) })
  } catch (error) {
    return dependentSaveFailed(request, error, values, type.fields)
  }
  const photoRefused = await savePhoto(request, token, dependent, form)
  if (photoRefused) return photoRefused
  return redirectToAccount(request, `${dependent.name} was added`)
}

export default function NewDependent() {
  const { type, error } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"

  if (!type || result?.notFound) {
    return (
      <section className="notice" data-testid="dependent-type-not-found">
        <h1>Not available</h1>
        {error ? (
          <p role="alert" className="alert">
            {error}
          </p>
        ) : (
          <p>
            This isn&rsquo;t something you can add in the portal. If you need help, please <OfficeContact />.
          </p>
        )}
        <BackToAccount />
      </section>
    )
  }

  return (
    <section className="narrow">
      <h1>{`Add ${withArticle(type.label_singular)}`}</h1>
      <DependentForm
        key={result?.formKey ?? "new"}
        label={type.label_singular}
        typeId={type.id}
        fields={type.fields}
        values={result?.values ?? emptyDependentValues()}
        formError={result?.formError}
        fieldErrors={result?.fieldErrors}
        returned={Boolean(result?.formKey)}
        submitting={submitting}
      />
      <BackToAccount />
    </section>
  )
}
