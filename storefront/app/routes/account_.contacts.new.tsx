import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import type { ShouldRevalidateFunction } from "@remix-run/react"
import { Link, useActionData, useNavigation } from "@remix-run/react"

import { ContactForm } from "~/components/contact-form"
import { EMPTY_CONTACT } from "~/lib/contacts"
import { contactFormAction, createAdditionalContact } from "~/lib/contacts.server"
import { pageTitle } from "~/lib/meta"
import { requireToken } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Add a contact")

export async function loader({ request }: LoaderFunctionArgs) {
  await requireToken(request)
  return json(null)
}

export async function action({ request }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const form = await request.formData()
  return contactFormAction(request, form, (input) => createAdditionalContact(token, input))
}

/** Adding or removing a row changes nothing on the backend. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  const intent = formData?.get("intent")
  if (typeof intent === "string" && /^(add|remove)-/.test(intent)) return false
  return defaultShouldRevalidate
}

export default function NewContact() {
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  return (
    <section className="edit-info">
      <h1>Add a contact</h1>
      <p>Someone else we may contact about your bookings, for example a tenant or a site manager.</p>
      <ContactForm
        key={result?.formKey ?? "new"}
        values={result?.values ?? EMPTY_CONTACT}
        formError={result?.formError}
        fieldErrors={result?.fieldErrors}
        added={result?.added}
        submitting={submitting}
      />
      <p>
        <Link to="/account">Back to my account</Link>
      </p>
    </section>
  )
}
