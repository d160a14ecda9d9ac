import { OfficeContact } from "~/components/office-contact"

/** Shown instead of the sign-in and sign-up forms while staff have the portal switched off. */
export function PortalClosed({ title, message }: { title: string; message: string }) {
  return (
    <section className="narrow">
      <h1>{title}</h1>
      <div className="notice-box" data-testid="portal-closed">
        <p>{message}</p>
      </div>
      <p>
        To reach us, please <OfficeContact />.
      </p>
    </section>
  )
}
