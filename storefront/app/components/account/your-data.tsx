import { Link } from "@remix-run/react"

import { DownloadMyDataForm } from "~/components/download-my-data"

/** A copy of everything we hold about the customer (GDPR access request), made in the background and emailed. */
export function YourData() {
  return (
    <section className="card account" aria-labelledby="your-data-heading" data-testid="your-data">
      <h2 id="your-data-heading">Your data</h2>
      <p className="muted">
        Get a copy of the personal data we hold about you, as a ZIP file. We email you a link when it is ready.{" "}
        <Link to="/account/data-export">More about your data</Link>
      </p>
      <div className="account__actions">
        <DownloadMyDataForm />
      </div>
    </section>
  )
}
