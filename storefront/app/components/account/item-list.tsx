import { Form, Link } from "@remix-run/react"
import type { ReactNode } from "react"

type ItemListSectionProps = {
  headingId: string
  testId: string
  title: string
  intro: string
  /** Why the list can't be shown. */
  error?: string | null
  count: number
  empty: ReactNode
  addPath: string
  addLabel: string
  children: ReactNode
}

/** A card of My account listing saved things (locations, business profiles, contacts), with "Add a …" under it. */
export function ItemListSection({ headingId, testId, title, intro, error, count, empty, addPath, addLabel, children }: ItemListSectionProps) {
  return (
    <section className="card account" aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId}>{title}</h2>
      <p className="muted">{intro}</p>
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : count === 0 ? (
        empty
      ) : (
        <ul className="profile-list">{children}</ul>
      )}
      <p className="account__actions">
        <Link to={addPath} className="button button--secondary">
          {addLabel}
        </Link>
      </p>
    </section>
  )
}

/**
 * "Edit" and "Delete" (or "Remove") under an item of a list on My account. The second opens the
 * edit page's "Delete this …?" step; nothing is deleted yet.
 */
export function ItemActions({ path, headingId, deleteLabel }: { path: string; headingId: string; deleteLabel: "Delete" | "Remove" }) {
  return (
    <div className="profile__actions">
      <Link to={path} className="button button--secondary" aria-describedby={headingId}>
        Edit
      </Link>
      <Form method="post" action={path}>
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="button button--secondary" aria-describedby={headingId}>
          {deleteLabel}
        </button>
      </Form>
    </div>
  )
}
