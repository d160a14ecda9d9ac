import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node"
import { json } from "@remix-run/node"
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react"

import { AddressFields } from "~/components/address-fields"
import { answeredSteps, BookingStepLayout } from "~/components/booking-steps"
import { Field } from "~/components/field"
import { addressFieldErrors, EMPTY_ADDRESS, readAddressForm, type AddressFieldErrors, type AddressValues } from "~/lib/addresses"
import type { DraftLocation } from "~/lib/booking"
import { loadStep, saveStep, sortedLocations } from "~/lib/api/booking.server"
import { hasErrors, text } from "~/lib/forms"
import { pageTitle } from "~/lib/meta"
import { formatPostcode, notServedMessage, servesPostcode } from "~/lib/services"
import { firstProblem, formatAddress, newLocationLabel } from "@fieldservice/contract"

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? `Book ${data.service.title}: where` : "Book a service")

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { service, profile, draft, stepError, headers } = await loadStep(request, params.handle, "location")
  const locations = sortedLocations(profile).map((location) => ({
    id: location.id,
    label: location.address_name || "Location",
    address: formatAddress(location),
    postcode: formatPostcode(location.postal_code ?? ""),
    served: servesPostcode(service.service_areas, location.postal_code ?? ""),
  }))
  const chosen = draft.location
  // The location chosen before, else the first saved one we serve, else the first saved one.
  const selected =
    chosen?.kind === "new"
      ? "new"
      : chosen && locations.some((location) => location.id === chosen.address_id)
        ? chosen.address_id
        : ((locations.find((location) => location.served) ?? locations[0])?.id ?? "new")
  return json(
    {
      service: { title: service.title, handle: service.handle },
      locations,
      selected,
      newLocation: chosen?.kind === "new" ? { label: chosen.label, address: chosen.address } : null,
      answered: answeredSteps(draft),
      stepError,
    },
    { headers }
  )
}

type LocationResult = {
  formError: string
  selected?: string
  values?: { label: string; address: AddressValues }
  fieldErrors?: AddressFieldErrors
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { service, profile, draft } = await loadStep(request, params.handle, "location")
  const form = await request.formData()
  const choice = text(form, "location")
  let location: DraftLocation
  let postcode: string

  if (choice === "new" || !choice) {
    const values = { label: text(form, "label"), address: readAddressForm(form) }
    const fieldErrors: AddressFieldErrors = {
      label: firstProblem(newLocationLabel, values.label),
      ...addressFieldErrors(values.address),
    }
    if (hasErrors(fieldErrors)) {
      return json<LocationResult>({ formError: "Please check the highlighted fields.", selected: "new", values, fieldErrors }, { status: 400 })
    }
    location = { kind: "new", label: values.label, address: values.address }
    postcode = values.address.postal_code
    if (!servesPostcode(service.service_areas, postcode)) {
      return json<LocationResult>(
        { formError: notServedMessage(service.title, postcode), selected: "new", values, fieldErrors: { postal_code: "We don’t cover this postcode yet." } },
        { status: 400 }
      )
    }
  } else {
    const saved = (profile.locations ?? []).find((address) => address.id === choice)
    if (!saved) {
      return json<LocationResult>({ formError: "Choose one of your saved locations or add a new address." }, { status: 400 })
    }
    if (!servesPostcode(service.service_areas, saved.postal_code ?? "")) {
      return json<LocationResult>({ formError: notServedMessage(service.title, saved.postal_code ?? ""), selected: saved.id }, { status: 400 })
    }
    location = { kind: "saved", address_id: saved.id }
  }
  return saveStep(request, { ...draft, location }, "location")
}

export default function ChooseLocation() {
  const { service, locations, selected: loaded, newLocation, answered, stepError } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const submitting = useNavigation().state === "submitting"
  const selected = result?.selected ?? loaded
  const values = result?.values ?? newLocation ?? { label: "", address: EMPTY_ADDRESS }
  const fieldErrors = result?.fieldErrors ?? {}
  return (
    <BookingStepLayout serviceTitle={service.title} handle={service.handle} step="location" answered={answered} error={result?.formError ?? stepError}>
      <Form method="post" className="form" noValidate>
        <fieldset className="choices choices--stacked">
          <legend>Where should we come?</legend>
          {locations.map((location) => (
            <div className="choice choice--top" key={location.id} data-testid="location-choice">
              <input
                type="radio"
                id={`location-${location.id}`}
                name="location"
                value={location.id}
                defaultChecked={selected === location.id}
                aria-describedby={`location-${location.id}-address`}
              />
              <label htmlFor={`location-${location.id}`}>
                <strong>{location.label}</strong>
                <span className="choice__detail" id={`location-${location.id}-address`}>
                  {location.address}
                  {location.served ? null : ` — we don’t offer ${service.title} in ${location.postcode} yet`}
                </span>
              </label>
            </div>
          ))}
          <div className="choice">
            <input type="radio" id="location-new" name="location" value="new" defaultChecked={selected === "new"} />
            <label htmlFor="location-new">{locations.length ? "A new address" : "A new address (enter it below)"}</label>
          </div>
        </fieldset>
        <fieldset className="group" aria-describedby="new-address-hint">
          <legend>New address</legend>
          <p className="field-hint" id="new-address-hint">
            {locations.length
              ? "Only if you chose “A new address”. We’ll save it to your locations for next time."
              : "We’ll save it to your locations for next time."}
          </p>
          <Field
            name="label"
            label="Label (optional)"
            maxLength={100}
            autoComplete="off"
            hint="A name for this place, for example Home or Mum’s flat."
            defaultValue={values.label}
            error={fieldErrors.label}
          />
          <AddressFields values={values.address} fieldErrors={fieldErrors} autoComplete="shipping" />
        </fieldset>
        <button type="submit" className="button" disabled={submitting}>
          Continue
        </button>
      </Form>
    </BookingStepLayout>
  )
}
