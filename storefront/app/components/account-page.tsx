// The parts every "My account" sub-page shares: the way back, the load error, "not found", and deleting after a confirmation.
import { Form, Link } from "@remix-run/react"
import type { ReactNode } from "react"

export function BackToAccount() {
  return (
    <p>
      <Link to="/account">Back to my account</Link>
    </p>
  )
}

/** An alert about one part of a page (a refused delete or upload); nothing without a message. */
export function PartAlert({ message }: { message?: string | null }) {
  if (!message) return null
  return (
    <p role="alert" className="alert">
      {message}
    </p>
  )
}

/** The whole page when its data could not be loaded. */
export function AccountPageError({ title, error }: { title: string; error: string | null }) {
  return (
    <section className="narrow">
      <h1>{title}</h1>
      <p role="alert" className="alert">
        {error}
      </p>
      <BackToAccount />
    </section>
  )
}

export function AccountItemNotFound({ testId, title, children }: { testId: string; title: string; children: ReactNode }) {
  return (
    <section className="notice" data-testid={testId}>
      <h1>{title}</h1>
      <p>{children}</p>
      <BackToAccount />
    </section>
  )
}

/** The one form that deletes: `intent=delete` with `confirm=yes`. */
export function DeleteForm({ label, submitting }: { label: string; submitting: boolean }) {
  return (
    <Form method="post" className="form">
      <input type="hidden" name="intent" value="delete" />
      <input type="hidden" name="confirm" value="yes" />
      <button type="submit" className="button button--danger" disabled={submitting}>
        {label}
      </button>
    </Form>
  )
}

/** "Delete" on /account lands on the item's page, which asks first; its button is the confirmation. */
export function ConfirmDelete(props: { testId: string; title: string; deleteLabel: string; submitting: boolean; children: ReactNode }) {
  return (
    <section className="narrow" data-testid={props.testId}>
      <h1>{props.title}</h1>
      {props.children}
      <DeleteForm label={props.deleteLabel} submitting={props.submitting} />
      <p>
        <Link to="/account">Cancel</Link>
      </p>
    </section>
  )
}

/** A section for removing something, with the alert when that was refused. */
export function DangerZone(props: { headingId: string; heading: string; text?: ReactNode; error?: string | null; children: ReactNode }) {
  return (
    <section className="danger-zone" aria-labelledby={props.headingId}>
      <h2 id={props.headingId}>{props.heading}</h2>
      {props.text ? <p>{props.text}</p> : null}
      <PartAlert message={props.error} />
      {props.children}
    </section>
  )
}
