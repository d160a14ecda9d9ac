import { Link } from "@remix-run/react"

import { CustomFieldValues } from "~/components/account/custom-field-values"
import type { CustomFieldWithValue } from "@fieldservice/contract"

export function MoreAboutYou({ fields }: { fields: CustomFieldWithValue[] }) {
  if (fields.length === 0) return null
  return (
    <section className="card account" aria-labelledby="more-about-you-heading" data-testid="more-about-you">
      <h2 id="more-about-you-heading">More about you</h2>
      <CustomFieldValues fields={fields} testId="custom-field-values" />
      <p className="account__actions">
        {/* Not "Edit info" again: one link of that name on the page, to the same form. */}
        <Link to="/account/edit" className="button button--secondary">
          Change your answers
        </Link>
      </p>
    </section>
  )
}
