import type { StoreAdditionalContact as AdditionalContact } from "@fieldservice/contract"
import { ItemActions, ItemListSection } from "~/components/account/item-list"

export function AdditionalContacts({ contacts }: { contacts: AdditionalContact[] }) {
  return (
    <ItemListSection
      headingId="contacts-heading"
      testId="additional-contacts"
      title="Additional contacts"
      intro="Other people we may contact about your bookings, for example a tenant or a site manager."
      count={contacts.length}
      empty={<p data-testid="additional-contacts-empty">You haven&rsquo;t added any contacts yet.</p>}
      addPath="/account/contacts/new"
      addLabel="Add a contact"
    >
      {contacts.map((contact) => {
        const headingId = `contact-${contact.id}`
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
            <ItemActions path={`/account/contacts/${encodeURIComponent(contact.id)}`} headingId={headingId} deleteLabel="Remove" />
          </li>
        )
      })}
    </ItemListSection>
  )
}
