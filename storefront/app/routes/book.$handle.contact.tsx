import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { answeredSteps, BookingStepLayout } from "~/components/booking-steps"
import { Field, SelectField } from "~/components/field"
import type { DraftContact } from "~/lib/booking"
import { failWith, loadStep, saveStep } from "~/lib/api/booking.server"
import { listBusinessProfiles } from "~/lib/api/business-profiles.server"
import { lowerLabel } from "~/lib/dependents"
import { getDependents, type Dependents } from "~/lib/api/dependents.server"
import { hasErrors, text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"

import { bookingContactForm, fieldProblems, type StoreBusinessProfile as BusinessProfile, type StoreCustomerProfile as Profile } from "@fieldservice/contract"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data ? `Book ${data.service.title}: contact details` : "Book a service")

/** Business profiles and dependents (null when the business doesn't offer them in the portal). */
async function loadChoices(request: Request, token: string) {
  try {
    const [businessProfiles, dependents] = await Promise.all([listBusinessProfiles(token), getDependents(token)])
    return { businessProfiles, dependents }
  } catch (error) {
    return failWith(request, error)
  }
}

/** What the profile says, so a customer with saved details only presses Continue. */
function fromProfile(profile: Profile, businessProfiles: BusinessProfile[]): DraftContact {
  // The account's own email and phone are the primary ones.
  return {
    booking_for: profile.kind === "business" && businessProfiles[0] ? businessProfiles[0].id : "personal",
    name: [profile.first_name, profile.last_name].filter(Boolean).join(" ").trim(),
    email: profile.account_email,
    phone: profile.account_phone ?? "",
    additional_contact_id: null,
    dependent_ids: [],
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token, service, profile, draft, stepError, headers } = await loadStep(request, params.handle, "contact")
  const { businessProfiles, dependents } = await loadChoices(request, token)
  return json(
    {
      service: { title: service.title, handle: service.handle },
      values: draft.contact ?? fromProfile(profile, businessProfiles),
      businessProfiles: businessProfiles.map((business) => ({ id: business.id, name: business.name })),
      contacts: profile.additional_contacts.map((contact) => ({
        id: contact.id,
        label: contact.role ? `${contact.name} (${contact.role})` : contact.name,
      })),
      dependentGroups: groups(dependents, service.dependent_type_ids),
      answered: answeredSteps(draft),
      stepError,
    },
    { headers }
  )
}

/**
 * The customer's dependents by type ("Pets": Maple, Biscuit): only the kinds this service is for
 * (a grooming asks about pets, a home clean about none), and only those they have some of.
 */
function groups(dependents: Dependents | null, serviceTypes: string[]) {
  if (!dependents) return []
  return dependents.types
    .filter((type) => serviceTypes.includes(type.id))
    .map((type) => ({
      id: type.id,
      label: type.label_plural,
      items: dependents.dependents.filter((dependent) => dependent.type_id === type.id).map((dependent) => ({ id: dependent.id, name: dependent.name })),
    }))
    .filter((group) => group.items.length > 0)
}

type ContactErrors = { name?: string; email?: string; phone?: string }

export async function action({ request, params }: ActionFunctionArgs) {
  const { token, service, profile, draft } = await loadStep(request, params.handle, "contact")
  const form = await request.formData()
  const { businessProfiles, dependents } = await loadChoices(request, token)
  const bookingFor = text(form, "booking_for") || "personal"
  const additional = text(form, "additional_contact_id")
  const asked = new Set(groups(dependents, service.dependent_type_ids).flatMap((group) => group.items.map((item) => item.id)))
  const values: DraftContact = {
    booking_for: bookingFor,
    name: text(form, "name"),
    email: text(form, "email"),
    phone: text(form, "phone"),
    additional_contact_id: additional || null,
    dependent_ids: form.getAll("dependent_ids").filter((value): value is string => typeof value === "string" && asked.has(value)),
  }
  const fieldErrors: ContactErrors = {
    ...fieldProblems(bookingContactForm, values),
  }
  let formError: string | undefined
  if (bookingFor !== "personal" && !businessProfiles.some((business) => business.id === bookingFor)) {
    formError = "Choose who the booking is for."
  }
  if (values.additional_contact_id && !profile.additional_contacts.some((contact) => contact.id === additional)) {
    formError = "Choose one of your contacts, or no one else."
  }
  if (formError || hasErrors(fieldErrors)) {
    return json({ formError: formError ?? "Please check the highlighted fields.", values, fieldErrors }, { status: 400 })
  }
  return saveStep(request, { ...draft, contact: values }, "contact")
}

export default function ContactDetails() {
  const { service, values: loaded, businessProfiles, contacts, dependentGroups, answered, stepError } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  const values = result?.values ?? loaded
  const errors: ContactErrors = result?.fieldErrors ?? {}
  return (
    <BookingStepLayout serviceTitle={service.title} handle={service.handle} step="contact" answered={answered} error={result?.formError ?? stepError}>
      <Form method="post" className="form" noValidate>
        {businessProfiles.length > 0 ? (
          <fieldset className="choices choices--stacked">
            <legend>Who is this booking for?</legend>
            <div className="choice">
              <input type="radio" id="booking-for-personal" name="booking_for" value="personal" defaultChecked={values.booking_for === "personal"} />
              <label htmlFor="booking-for-personal">Me (personal)</label>
            </div>
            {businessProfiles.map((business) => (
              <div className="choice" key={business.id}>
                <input
                  type="radio"
                  id={`booking-for-${business.id}`}
                  name="booking_for"
                  value={business.id}
                  defaultChecked={values.booking_for === business.id}
                />
                <label htmlFor={`booking-for-${business.id}`}>{business.name} (business)</label>
              </div>
            ))}
          </fieldset>
        ) : (
          <input type="hidden" name="booking_for" value="personal" />
        )}
        <fieldset className="group">
          <legend>Who should we contact about this visit?</legend>
          <Field name="name" label="Name" required maxLength={200} autoComplete="name" defaultValue={values.name} error={errors.name} />
          <Field name="email" label="Email" type="email" required maxLength={254} autoComplete="email" defaultValue={values.email} error={errors.email} />
          <Field
            name="phone"
            label="Phone (optional)"
            type="tel"
            maxLength={50}
            autoComplete="tel"
            hint="So the team can call when they are on their way."
            defaultValue={values.phone}
            error={errors.phone}
          />
        </fieldset>
        {contacts.length > 0 ? (
          <SelectField
            name="additional_contact_id"
            label="Also contact (optional)"
            hint="Someone else we should keep informed, for example a tenant."
            defaultValue={values.additional_contact_id ?? ""}
            options={[{ value: "", label: "No one else" }, ...contacts.map((contact) => ({ value: contact.id, label: contact.label }))]}
          />
        ) : null}
        {dependentGroups.map((group) => (
          <fieldset className="choices" key={group.id} data-testid="dependent-choices">
            <legend>{`Which of your ${lowerLabel(group.label)} is this visit for? (optional)`}</legend>
            {group.items.map((item) => (
              <div className="choice" key={item.id}>
                <input
                  type="checkbox"
                  id={`dependent-${item.id}`}
                  name="dependent_ids"
                  value={item.id}
                  defaultChecked={values.dependent_ids.includes(item.id)}
                />
                <label htmlFor={`dependent-${item.id}`}>{item.name}</label>
              </div>
            ))}
          </fieldset>
        ))}
        <button type="submit" className="button" disabled={submitting}>
          Continue
        </button>
      </Form>
    </BookingStepLayout>
  )
}
