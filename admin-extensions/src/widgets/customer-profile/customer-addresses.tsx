import { PencilSquare, Plus, Trash } from "@medusajs/icons"
import type { AdminCustomer, DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, IconButton, Input, Label, Switch, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { CountrySelect } from "../../components/country-select"
import { type BindField, type FormControls, EntryDrawer, FormField } from "../../components/entry-drawer"

import { fullName, profilePaths, useCustomerProfile, useProfileChange } from "../../lib/profile"
import { sdk } from "../../lib/sdk"
import { ProfileSection } from "./section"
import {
  DEFAULT_COUNTRY,
  countryName,
  type AdminCustomerAddress as Address,
  type AdminUpdateBillingAddress as BillingAddressBody,
  type AdminBillingAddressResponse as BillingAddressResponse,
  type AdminCustomerProfile as CustomerProfile,
} from "@fieldservice/contract"

// Every address field is edited as a string; the label is only asked for saved locations.
type AddressForm = {
  address_name: string
  first_name: string
  last_name: string
  company: string
  address_1: string
  address_2: string
  city: string
  province: string
  postal_code: string
  country_code: string
  phone: string
}
type BillingForm = AddressForm & { same_as_booking: string }

const OPTIONAL: ReadonlySet<keyof AddressForm> = new Set(["first_name", "last_name", "company", "address_2", "province", "phone"])
const REQUIRED_MESSAGES: Partial<Record<keyof AddressForm, string>> = {
  address_name: "Enter a label, such as “Home” or “Holiday house”.",
  address_1: "Enter the address.",
  city: "Enter the town or city.",
  postal_code: "Enter the postcode.",
  country_code: "Choose a country.",
}

function toAddressForm(address: Address | null, profile: CustomerProfile): AddressForm {
  return {
    address_name: address?.address_name ?? "",
    first_name: address ? (address.first_name ?? "") : (profile.first_name ?? ""),
    last_name: address ? (address.last_name ?? "") : (profile.last_name ?? ""),
    company: address?.company ?? "",
    address_1: address?.address_1 ?? "",
    address_2: address?.address_2 ?? "",
    city: address?.city ?? "",
    province: address?.province ?? "",
    postal_code: address?.postal_code ?? "",
    country_code: address?.country_code ? address.country_code.toUpperCase() : DEFAULT_COUNTRY,
    phone: address?.phone ?? "",
  }
}

/** The request's address fields: trimmed, empty optional fields as null, the country lowercase. */
function toAddressBody(values: Partial<AddressForm>): Record<string, string | null> {
  const body: Record<string, string | null> = {}
  for (const [name, raw] of Object.entries(values) as [keyof AddressForm, string | undefined][]) {
    if (raw === undefined) continue
    const value = raw.trim()
    if (!value && !OPTIONAL.has(name)) throw new Error(REQUIRED_MESSAGES[name] ?? "Fill in every required field.")
    body[name] = !value ? null : name === "country_code" ? value.toLowerCase() : value
  }
  return body
}

/** "Olivia Bennett, 12 Elm Road, Brighton, BN1 1AA, United Kingdom" */
function formatCustomerAddress(address: Address): string {
  return [
    [address.first_name, address.last_name].filter(Boolean).join(" "),
    address.company,
    address.address_1,
    address.address_2,
    address.city,
    address.province,
    address.postal_code,
    countryName(address.country_code),
  ]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(", ")
}

/**
 * Where the customer is billed and the places they book visits at, in one list: the billing
 * address marked "Billing", the default location "Default". Medusa's own Addresses section on
 * this page can't be removed; it lists the same addresses.
 */
const CustomerAddressesWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, error } = useCustomerProfile(customer.id)
  const profile = data?.profile

  return (
    <Container className="divide-y p-0" data-testid="customer-addresses-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Billing and saved locations</Heading>
      </div>
      {isLoading && (
        <Text className="px-6 py-4" size="small">
          Loading addresses…
        </Text>
      )}
      {error && (
        <Text className="px-6 py-4 text-ui-fg-error" size="small">
          The addresses could not be loaded: {error.message}
        </Text>
      )}
      {profile && (
        <>
          <SavedLocations customerId={customer.id} profile={profile} />
        </>
      )}
    </Container>
  )
}

function BillingAddress({ customerId, profile }: { customerId: string; profile: CustomerProfile }) {
  const [open, setOpen] = useState(false)
  const save = useProfileChange(
    customerId,
    (body: BillingAddressBody) => sdk.client.fetch<BillingAddressResponse>(profilePaths.billingAddress(customerId), { method: "POST", body }),
    { success: "Billing address saved", refreshDashboard: true }
  )

  const initialValues: BillingForm = {
    ...toAddressForm(profile.billing_address, profile),
    same_as_booking: profile.billing_same_as_booking ? "true" : "false",
  }

  // The drawer sends the whole form (isNew), since the API replaces the billing address as a whole.
  const toBody = (values: Partial<BillingForm>): BillingAddressBody => {
    if (values.same_as_booking === "true") return { same_as_booking: true }
    const { same_as_booking: _same, address_name: _label, ...address } = values
    const body = toAddressBody(address)
    return {
      same_as_booking: false,
      address: {
        ...body,
        address_1: body.address_1 ?? "",
        city: body.city ?? "",
        postal_code: body.postal_code ?? "",
        country_code: body.country_code ?? DEFAULT_COUNTRY.toLowerCase(),
      },
    }
  }

  const address = profile.billing_address
  return (
    <li className="flex items-start justify-between gap-x-4 py-2 first:pt-0 last:pb-0" data-testid="customer-billing-address">
      <div className="flex min-w-0 flex-col gap-y-1">
        <div className="flex flex-wrap items-center gap-x-2">
          <Text size="small" weight="plus" leading="compact">
            Invoices
          </Text>
          <Badge size="2xsmall" color="purple" data-testid="customer-billing-badge">
            Billing
          </Badge>
        </div>
        <Text
          size="small"
          leading="compact"
          className={address || profile.billing_same_as_booking ? "text-ui-fg-subtle" : "text-ui-fg-muted"}
          data-testid="customer-billing-address-value"
        >
          {profile.billing_same_as_booking ? "Same as booking address" : address ? formatCustomerAddress(address) : "No billing address yet."}
        </Text>
      </div>
      <IconButton
        size="small"
        variant="transparent"
        aria-label="Edit billing address"
        onClick={() => setOpen(true)}
        data-testid="customer-billing-address-edit"
      >
        <PencilSquare />
      </IconButton>
      <EntryDrawer
        testIdPrefix="customer-billing-address"
        open={open}
        onOpenChange={setOpen}
        isNew
        title="Edit billing address"
        description="Bill to the booking address, or to an address of its own."
        initialValues={initialValues}
        toBody={toBody}
        onSave={(body) => save.mutateAsync(body)}
        isSaving={save.isPending}
        errorFallback="The billing address could not be saved."
      >
        {(input, form) => (
          <>
            <div className="flex items-center justify-between gap-x-4">
              <Label htmlFor={form.fieldId("same_as_booking")} size="small" weight="plus">
                Same as booking address
              </Label>
              <Switch
                id={form.fieldId("same_as_booking")}
                checked={form.values.same_as_booking === "true"}
                onCheckedChange={(checked) => form.setValue("same_as_booking", checked ? "true" : "false")}
                data-testid={form.fieldId("same_as_booking")}
              />
            </div>
            {form.values.same_as_booking !== "true" && <AddressFields input={input} form={form} />}
          </>
        )}
      </EntryDrawer>
    </li>
  )
}

function SavedLocations({ customerId, profile }: { customerId: string; profile: CustomerProfile }) {
  const prompt = usePrompt()
  const [editor, setEditor] = useState<{ open: boolean; address: Address | null }>({ open: false, address: null })

  const save = useProfileChange(
    customerId,
    ({ id, body }: { id?: string; body: Record<string, string | null> }) =>
      sdk.client.fetch<HttpTypes.AdminCustomerResponse>(profilePaths.addresses(customerId, id), { method: "POST", body }),
    { success: (_data, { id }) => (id ? "Location saved" : "Location added"), refreshDashboard: true }
  )
  const remove = useProfileChange(
    customerId,
    (id: string) => sdk.client.fetch<HttpTypes.AdminCustomerAddressDeleteResponse>(profilePaths.addresses(customerId, id), { method: "DELETE" }),
    {
      success: "Location deleted",
      refreshDashboard: true,
      onError: (error) => toast.error(error.message || "The location could not be deleted."),
    }
  )

  const confirmDelete = async (address: Address) => {
    const confirmed = await prompt({
      variant: "danger",
      title: "Delete location?",
      description: `“${address.address_name || address.address_1}” will be removed from this customer’s saved locations.`,
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (confirmed) remove.mutate(address.id)
  }

  const locations = profile.locations
  const name = fullName(profile)

  return (
    <ProfileSection
      title="All addresses"
      description="One list: where invoices go (Billing) and the labelled places the customer books visits at (Default: the one bookings start from). Medusa’s own Addresses section lists the same addresses."
      testId="customer-saved-locations"
      action={
        <Button size="small" variant="secondary" onClick={() => setEditor({ open: true, address: null })} data-testid="customer-location-add">
          <Plus />
          Add location
        </Button>
      }
    >
      <ul className="flex flex-col divide-y">
        <BillingAddress customerId={customerId} profile={profile} />
        {locations.length === 0 && (
          <Text size="small" leading="compact" className="text-ui-fg-muted py-2 last:pb-0" asChild>
            <li>No saved locations.</li>
          </Text>
        )}
        {locations.map((address) => (
          <li
            key={address.id}
            className="flex items-start justify-between gap-x-4 py-2 first:pt-0 last:pb-0"
            data-testid="customer-location"
            data-address-id={address.id}
          >
            <div className="flex min-w-0 flex-col gap-y-1">
              <div className="flex flex-wrap items-center gap-x-2">
                <Text size="small" weight="plus" leading="compact" data-testid="customer-location-label">
                  {address.address_name || "Unlabelled"}
                </Text>
                {address.is_default_shipping && (
                  <Badge size="2xsmall" color="blue">
                    Default
                  </Badge>
                )}
              </div>
              <Text size="small" leading="compact" className="text-ui-fg-subtle" data-testid="customer-location-address">
                {formatCustomerAddress(address)}
              </Text>
            </div>
            <div className="flex shrink-0 items-center gap-x-1">
              <IconButton
                size="small"
                variant="transparent"
                aria-label={`Edit ${address.address_name || address.address_1}`}
                onClick={() => setEditor({ open: true, address })}
                data-testid="customer-location-edit"
              >
                <PencilSquare />
              </IconButton>
              <IconButton
                size="small"
                variant="transparent"
                aria-label={`Delete ${address.address_name || address.address_1}`}
                onClick={() => confirmDelete(address)}
                disabled={remove.isPending}
                data-testid="customer-location-delete"
              >
                <Trash />
              </IconButton>
            </div>
          </li>
        ))}
      </ul>
      <EntryDrawer
        testIdPrefix="customer-location"
        open={editor.open}
        onOpenChange={(open) => setEditor((current) => ({ ...current, open }))}
        isNew={!editor.address}
        title={editor.address ? "Edit location" : "Add location"}
        description={`A place ${name || "the customer"} books visits at. The customer sees it on the portal.`}
        initialValues={toAddressForm(editor.address, profile)}
        toBody={toAddressBody}
        onSave={(body) => save.mutateAsync({ id: editor.address?.id, body })}
        isSaving={save.isPending}
        errorFallback="The location could not be saved."
      >
        {(input, form) => (
          <>
            <FormField name="address_name" label="Label" hint="For example “Home”, “Holiday house” or “Office”.">
              <Input autoComplete="off" {...input("address_name")} />
            </FormField>
            <AddressFields input={input} form={form} />
          </>
        )}
      </EntryDrawer>
    </ProfileSection>
  )
}

/** Name, company, address lines, town, county, postcode, country and phone. */
function AddressFields<V extends AddressForm>({ input, form }: { input: BindField<V>; form: FormControls<V> }) {
  return (
    <>
      <div className="grid grid-cols-2 gap-x-4">
        <FormField name="first_name" label="First name (optional)">
          <Input autoComplete="off" {...input("first_name")} />
        </FormField>
        <FormField name="last_name" label="Last name (optional)">
          <Input autoComplete="off" {...input("last_name")} />
        </FormField>
      </div>
      <FormField name="company" label="Company (optional)">
        <Input autoComplete="off" {...input("company")} />
      </FormField>
      <FormField name="address_1" label="Address">
        <Input autoComplete="off" {...input("address_1")} />
      </FormField>
      <FormField name="address_2" label="Address line 2 (optional)">
        <Input autoComplete="off" {...input("address_2")} />
      </FormField>
      <div className="grid grid-cols-2 gap-x-4">
        <FormField name="city" label="Town or city">
          <Input autoComplete="off" {...input("city")} />
        </FormField>
        <FormField name="province" label="County or state (optional)">
          <Input autoComplete="off" {...input("province")} />
        </FormField>
      </div>
      <div className="grid grid-cols-2 gap-x-4">
        <FormField name="postal_code" label="Postcode">
          <Input autoComplete="off" {...input("postal_code")} />
        </FormField>
        <FormField name="country_code" label="Country">
          <CountrySelect id={form.fieldId("country_code")} value={form.values.country_code} onChange={(value) => form.setValue("country_code", value)} />
        </FormField>
      </div>
      <FormField name="phone" label="Phone (optional)">
        <Input type="tel" autoComplete="off" {...input("phone")} />
      </FormField>
    </>
  )
}

export default CustomerAddressesWidget
