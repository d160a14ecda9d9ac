import { Link } from "@remix-run/react"

import { Avatar } from "~/components/avatar"
import type { ProfileContactMethod as ContactMethod } from "@fieldservice/contract"

/** An email or number as the page lists it; `type` is "Mobile" or "Phone" for numbers. */
export type ContactEntry = Pick<ContactMethod, "id" | "value"> & { type: string | null }

export type YourDetailsView = {
  name: string
  /** The sign-in email: the primary one. */
  email: string
  /** The account's phone: the primary number. */
  phone: string | null
  kind: string | null
  otherNames: string[]
  otherEmails: ContactEntry[]
  otherPhones: ContactEntry[]
  pictureUrl: string | null
}

/** The other emails or numbers, shown only when there are any. */
function OtherContacts({ label, entries, testId }: { label: string; entries: ContactEntry[]; testId: string }) {
  if (!entries.length) return null
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>
        <ul className="plain-list">
          {entries.map((entry) => (
            <li key={entry.id}>
              {entry.value}
              {entry.type ? <span className="muted"> ({entry.type})</span> : null}
            </li>
          ))}
        </ul>
      </dd>
    </>
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
        <dt>Email (sign-in)</dt>
        <dd data-testid="account-email">{account.email}</dd>
        <dt>Phone</dt>
        <dd data-testid="account-phone">{account.phone ?? "Not added"}</dd>
        <dt>Account type</dt>
        <dd data-testid="account-kind">{account.kind ?? "Not set"}</dd>
        <OtherContacts label="Other emails" entries={account.otherEmails} testId="account-emails" />
        <OtherContacts label="Other phones" entries={account.otherPhones} testId="account-phones" />
      </dl>
      <p className="account__actions">
        <Link to="/account/edit" className="button button--secondary">
          Edit info
        </Link>
      </p>
    </section>
  )
}
