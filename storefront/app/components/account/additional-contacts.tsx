import { Form, Link } from "@remix-run/react"
import type { StoreAdditionalContact as AdditionalContact } from "@fieldservice/contract"

export function AdditionalContacts({ contacts }: { contacts: AdditionalContact[] }) {
  return (
    <section className="card account" aria-labelledby="contacts-heading" data-testid="additional-contacts">
      <h2 id="contacts-heading">Additional contacts</h2>
      <p className="muted">Other people we may contact about your bookings, for example a tenant or a site manager.</p>
      {contacts.length === 0 ? (
        <p data-testid="additional-contacts-empty">You haven&rsquo;t added any contacts yet.</p>
      ) : (
        <ul className="profile-list">
          {contacts.map((contact) => {
            const headingId = `contact-${contact.id}`
            const path = `/account/contacts/${encodeURIComponent(contact.id)}`
            return (
              <li key={contact.id} className="profile" data-testid="additional-contact">
                <h3 id={headingId} className="profile__name" data-testid="additional-contact-name">
                  {contact.name}
                  {contact.role ? <span className="muted"> ({contact.role})</span> : null}
                </h3>
                <dl className="details">
                  <dt>Emails</dt>
                  <dd data-testid="additional-contact-emails">{contact.emails.length ? contact.emails.join(", ") : "None added"}</dd>
                  <dt>Phone numbers</dt>
                  <dd data-testid="additional-contact-phones">{contact.phones.length ? contact.phones.join(", ") : "None added"}</dd>
                </dl>
                <div className="profile__actions">
                  <Link to={path} className="button button--secondary" aria-describedby={headingId}>
                    Edit
                  </Link>
                  {/* Opens the edit page's "Remove this contact?" step; nothing is removed yet. */}
                  <Form method="post" action={path}>
                    <input type="hidden" name="intent" value="delete" />
                    <button type="submit" className="button button--secondary" aria-describedby={headingId}>
                      Remove
                    </button>
                  </Form>
                </div>
              </li>
            )
          })}
        </ul>
      )}
      <p className="profile-add">
        <Link to="/account/contacts/new">Add a contact</Link>
      </p>
    </section>
  )
}
