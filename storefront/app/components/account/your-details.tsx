import { Link } from "@remix-run/react"

import { Avatar } from "~/components/avatar"
import type { ProfileContactMethod as ContactMethod } from "@fieldservice/contract"

/** An email or number as the page lists it; `type` is "Mobile" or "Phone" for numbers. */
export type ContactEntry = Pick<ContactMethod, "id" | "value" | "is_primary"> & { type: string | null }

export type YourDetailsView = {
  name: string
  email: string
  kind: string | null
  otherNames: string[]
  emails: ContactEntry[]
  phones: ContactEntry[]
  pictureUrl: string | null
}

/** Emails or numbers, the primary one marked. */
function ContactList({ entries, testId }: { entries: ContactEntry[]; testId: string }) {
  return (
    <dd data-testid={testId}>
      {entries.length === 0 ? (
        "None added"
      ) : (
        <ul className="plain-list">
          {entries.map((entry) => (
            <li key={entry.id}>
              {entry.value}
              {entry.type ? <span className="muted"> ({entry.type})</span> : null}
              {entry.is_primary ? (
                <>
                  {" "}
                  <span className="tag">Primary</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </dd>
  )
}

/** Name, picture, emails and numbers, with the way to "Edit info". */
export function YourDetails({ account }: { account: YourDetailsView }) {
  return (
    <section className="card account" aria-labelledby="account-details-heading">
      <h2 id="account-details-heading">Your details</h2>
      <div className="account__picture">
        <Avatar name={account.name} pictureUrl={account.pictureUrl} />
        <Link to="/account/picture" data-testid="change-picture">
          {account.pictureUrl ? "Change picture" : "Add a picture"}
        </Link>
      </div>
      <dl className="details">
        <dt>Name</dt>
        <dd data-testid="account-name">{account.name}</dd>
        {account.otherNames.length > 0 ? (
          <>
            <dt>Other names</dt>
            <dd data-testid="account-other-names">{account.otherNames.join(", ")}</dd>
          </>
        ) : null}
        <dt>Email</dt>
        <dd data-testid="account-email">{account.email}</dd>
        <dt>Account type</dt>
        <dd data-testid="account-kind">{account.kind ?? "Not set"}</dd>
        <dt>Emails</dt>
        <ContactList entries={account.emails} testId="account-emails" />
        <dt>Phone numbers</dt>
        <ContactList entries={account.phones} testId="account-phones" />
      </dl>
      <p className="account__actions">
        <Link to="/account/edit" className="button button--secondary">
          Edit info
        </Link>
      </p>
    </section>
  )
}
