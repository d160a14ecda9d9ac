import { Link } from "@remix-run/react"

import { ItemActions } from "~/components/account/item-list"
import { CustomFieldValues } from "~/components/account/custom-field-values"
import type { SectionResult } from "~/components/account/section"
import { displayValue } from "~/lib/custom-fields"
import { lowerLabel, withArticle } from "~/lib/dependents"
import type { Dependents } from "~/lib/api/dependents.server"
import type { StoreDependent as Dependent, StoreDependentType as DependentType } from "@fieldservice/contract"

function DependentItem({ dependent }: { dependent: Dependent }) {
  const headingId = `dependent-${dependent.id}`
  const path = `/account/dependents/${encodeURIComponent(dependent.id)}`
  const filled = dependent.custom_fields.filter((field) => displayValue(field) !== null)
  return (
    <li className="profile dependent" data-testid="dependent">
      {dependent.photo_url ? <img src={dependent.photo_url} alt={`Photo of ${dependent.name}`} className="avatar avatar--medium" /> : null}
      <div className="dependent__body">
        <h3 id={headingId} className="profile__name" data-testid="dependent-name">
          {dependent.name}
        </h3>
        {dependent.notes ? <p className="profile__text dependent__notes">{dependent.notes}</p> : null}
        {filled.length > 0 ? <CustomFieldValues fields={filled} testId="dependent-fields" /> : null}
        <ItemActions path={path} headingId={headingId} deleteLabel="Remove" />
      </div>
    </li>
  )
}

/** One section per type the business offers ("Pets", "Vehicles"), each with its own "Add a …". */
export function DependentSections({ data, error }: SectionResult<Dependents | null>) {
  if (error) {
    return (
      <section className="card account" aria-labelledby="dependents-heading">
        <h2 id="dependents-heading">More on your account</h2>
        <p role="alert" className="alert">
          {error}
        </p>
      </section>
    )
  }
  if (!data) return null
  return (
    <>
      {data.types.map((type: DependentType) => {
        const headingId = `dependent-type-${type.id}`
        const items = data.dependents.filter((dependent) => dependent.type_id === type.id)
        return (
          <section key={type.id} className="card account" aria-labelledby={headingId} data-testid="dependent-type">
            <h2 id={headingId}>{type.label_plural}</h2>
            {items.length === 0 ? (
              <p data-testid="dependents-empty">{`You haven’t added any ${lowerLabel(type.label_plural)} yet.`}</p>
            ) : (
              <ul className="profile-list">
                {items.map((dependent) => (
                  <DependentItem key={dependent.id} dependent={dependent} />
                ))}
              </ul>
            )}
            <p className="account__actions">
              <Link to={`/account/dependents/new?type=${encodeURIComponent(type.id)}`} className="button button--secondary">
                {`Add ${withArticle(type.label_singular)}`}
              </Link>
            </p>
          </section>
        )
      })}
    </>
  )
}
