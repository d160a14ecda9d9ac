import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node"
import { useActionData, useNavigation } from "@remix-run/react"

import { BackToAccount } from "~/components/account-page"
import { ContactForm } from "~/components/contact-form"
import { rowButtonsShouldRevalidate } from "~/components/form-rows"
import { EMPTY_CONTACT } from "~/lib/contacts"
import { contactFormAction, createAdditionalContact } from "~/lib/api/contacts.server"
import { pageTitle } from "~/lib/meta"
import { requireToken, signedInOnly } from "~/lib/session.server"

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Add a contact")

export const loader = signedInOnly

export async function action({ request }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const form = await request.formData()
  return contactFormAction(request, form, (input) => createAdditionalContact(token, input))
}

export const shouldRevalidate = rowButtonsShouldRevalidate

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
      <BackToAccount />
    </section>
  )
}
