import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import type { ShouldRevalidateFunction } from "@remix-run/react"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { ContactForm } from "~/components/contact-form"
import { changeAndReturnToAccount, findForPage } from "~/lib/account-items.server"
import { contactValuesFrom } from "~/lib/contacts"
import { contactFormAction, deleteAdditionalContact, findAdditionalContact, updateAdditionalContact, type ContactActionData } from "~/lib/contacts.server"
import { pageTitle } from "~/lib/meta"
import { requireToken } from "~/lib/session.server"
import type { StoreAdditionalContact as AdditionalContact } from "@fieldservice/contract"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.contact ? "Edit contact" : "Contact not found")

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireToken(request)
  const { item, error, status } = await findForPage(request, () => findAdditionalContact(token, params.id ?? ""))
  return json({ contact: item as AdditionalContact | null, error }, { status })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = await requireToken(request)
  const id = params.id ?? ""
  const form = await request.formData()

  if (form.get("intent") === "delete") {
    // "Remove" on /account lands here first and asks; this page's own button is the confirmation.
    if (form.get("confirm") !== "yes") return json<ContactActionData>({ confirmDelete: true })
    return changeAndReturnToAccount<ContactActionData>(request, () => deleteAdditionalContact(token, id), "Contact removed", "deleteError")
  }

  return contactFormAction(request, form, (input) => updateAdditionalContact(token, id, input))
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  const intent = formData?.get("intent")
  if (typeof intent === "string" && /^(add|remove)-/.test(intent)) return false
  return defaultShouldRevalidate
}

function NotFound() {
  return (
    <section className="notice" data-testid="contact-not-found">
      <h1>Contact not found</h1>
      <p>We couldn&rsquo;t find that contact. It may have been removed, or the link may be wrong.</p>
      <p>
        <Link to="/account">Back to my account</Link>
      </p>
    </section>
  )
}

function DeleteForm({ submitting }: { submitting: boolean }) {
  return (
    <Form method="post" className="form">
      <input type="hidden" name="intent" value="delete" />
      <input type="hidden" name="confirm" value="yes" />
      <button type="submit" className="button button--danger" disabled={submitting}>
        Remove this contact
      </button>
    </Form>
  )
}

export default function EditContact() {
  const { contact, error } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"

  if (error) {
    return (
      <section className="narrow">
        <h1>Edit contact</h1>
        <p role="alert" className="alert">
          {error}
        </p>
        <p>
          <Link to="/account">Back to my account</Link>
        </p>
      </section>
    )
  }
  if (!contact || result?.notFound) return <NotFound />

  if (result?.confirmDelete) {
    return (
      <section className="narrow" data-testid="contact-delete-confirm">
        <h1>Remove this contact?</h1>
        <div className="notice-box">
          <p>
            <strong>{contact.name}</strong>
            {contact.role ? ` (${contact.role})` : null}
          </p>
        </div>
        <p>We won&rsquo;t contact them about your bookings any more. This can&rsquo;t be undone.</p>
        <DeleteForm submitting={submitting} />
        <p>
          <Link to="/account">Cancel</Link>
        </p>
      </section>
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
      <section className="danger-zone" aria-labelledby="delete-contact-heading">
        <h2 id="delete-contact-heading">Remove</h2>
        <p>Remove {contact.name} from your account.</p>
        {result?.deleteError ? (
          <p role="alert" className="alert">
            {result.deleteError}
          </p>
        ) : null}
        <DeleteForm submitting={submitting} />
      </section>
      <p>
        <Link to="/account">Back to my account</Link>
      </p>
    </section>
  )
}
