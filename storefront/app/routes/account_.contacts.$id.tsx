import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { AccountItemNotFound, AccountPageError, BackToAccount, ConfirmDelete, DangerZone, DeleteForm } from "~/components/account-page"
import { ContactForm } from "~/components/contact-form"
import { rowButtonsShouldRevalidate } from "~/components/form-rows"
import { deleteAfterConfirming, findForPage } from "~/lib/api/account-items.server"
import { contactValuesFrom } from "~/lib/contacts"
import { contactFormAction, deleteAdditionalContact, findAdditionalContact, updateAdditionalContact, type ContactActionData } from "~/lib/api/contacts.server"
import { pageTitle } from "~/lib/meta"
import { readEditAction, requireToken } from "~/lib/session.server"
import type { StoreAdditionalContact as AdditionalContact } from "@fieldservice/contract"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.contact ? "Edit contact" : "Contact not found")

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const { item, error, status } = await findForPage(request, () => findAdditionalContact(token, params.id ?? ""))
  return json({ contact: item as AdditionalContact | null, error }, { status })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { token, id, form } = await readEditAction(request, params)

  if (form.get("intent") === "delete") {
    return deleteAfterConfirming<ContactActionData>(request, form, () => deleteAdditionalContact(token, id), "Contact removed")
  }

  return contactFormAction(request, form, (input) => updateAdditionalContact(token, id, input))
}

export const shouldRevalidate = rowButtonsShouldRevalidate

export default function EditContact() {
  const { contact, error } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"

  if (error) return <AccountPageError title="Edit contact" error={error} />
  if (!contact || result?.notFound) {
    return (
      <AccountItemNotFound testId="contact-not-found" title="Contact not found">
        We couldn&rsquo;t find that contact. It may have been removed, or the link may be wrong.
      </AccountItemNotFound>
    )
  }

  if (result?.confirmDelete) {
    return (
      <ConfirmDelete testId="contact-delete-confirm" title="Remove this contact?" deleteLabel="Remove this contact" submitting={submitting}>
        <div className="notice-box">
          <p>
            <strong>{contact.name}</strong>
            {contact.role ? ` (${contact.role})` : null}
          </p>
        </div>
        <p>We won&rsquo;t contact them about your bookings any more. This can&rsquo;t be undone.</p>
      </ConfirmDelete>
    )
  }

  return (
    <section className="edit-info">
      <h1>Edit contact</h1>
      <ContactForm
        key={result?.formKey ?? "saved"}
        values={result?.values ?? contactValuesFrom(contact)}
        formError={result?.formError}
        fieldErrors={result?.fieldErrors}
        added={result?.added}
        submitting={submitting}
      />
      <DangerZone headingId="delete-contact-heading" heading="Remove" text={<>Remove {contact.name} from your account.</>} error={result?.deleteError}>
        <DeleteForm label="Remove this contact" submitting={submitting} />
      </DangerZone>
      <BackToAccount />
    </section>
  )
}
