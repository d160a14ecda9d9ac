import { PencilSquare, Trash } from "@medusajs/icons"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, IconButton, Input, Text, toast, usePrompt } from "@medusajs/ui"
import { type ReactNode, useState } from "react"
import { CountrySelect } from "../../components/country-select"
import { EntryDrawer, FormField } from "../../components/entry-drawer"
import { type BusinessProfileField, BUSINESS_PROFILE_LABELS, businessProfilesPath, toBody, toForm } from "../../lib/business-profile"
import { useCustomerProfile, useProfileChange } from "../../lib/profile"
import { sdk } from "../../lib/sdk"
import {
  formatAddress,
  type AdminCustomerProfileBusinessProfile as BusinessProfile,
  type BusinessProfileDeleteResponse,
  type AdminCreateBusinessProfile as BusinessProfileInput,
  type AdminBusinessProfileResponse as BusinessProfileResponse,
} from "@fieldservice/contract"

/**
 * The companies this customer books for. Staff add, edit and delete them here; the customer
 * manages the same list on the portal's My account page. The list comes with the page's shared
 * profile query, which each change refreshes.
 */
const CustomerBusinessProfilesWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const prompt = usePrompt()
  const { data, isLoading, error } = useCustomerProfile(customer.id)

  // Save errors are shown in the drawer (and toasted there); the drawer stays open.
  const save = useProfileChange(
    customer.id,
    ({ id, body }: { id?: string; body: Partial<BusinessProfileInput> }) =>
      sdk.client.fetch<BusinessProfileResponse>(businessProfilesPath(customer.id, id), { method: "POST", body }),
    { success: (_response, { id }) => (id === undefined ? "Business profile added" : "Business profile saved") }
  )

  const remove = useProfileChange(
    customer.id,
    (id: string) => sdk.client.fetch<BusinessProfileDeleteResponse>(businessProfilesPath(customer.id, id), { method: "DELETE" }),
    { success: "Business profile deleted", onError: (error) => toast.error(error.message) }
  )

  const confirmDelete = async (profile: BusinessProfile) => {
    const confirmed = await prompt({
      variant: "danger",
      title: "Delete business profile?",
      description: `“${profile.name}” will no longer be offered when this customer books. This cannot be undone.`,
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (confirmed) remove.mutate(profile.id)
  }

  // The profile stays set while the drawer animates closed, so its title and fields don't jump.
  const [editor, setEditor] = useState<{ open: boolean; profile: BusinessProfile | null }>({
    open: false,
    profile: null,
  })

  const profiles = data?.profile.business_profiles ?? []
  const message = isLoading
    ? "Loading business profiles…"
    : error
      ? `Business profiles could not be loaded: ${error.message}`
      : profiles.length === 0
        ? "No business profiles yet. Use Add to create the first."
        : null

  return (
    <Container className="divide-y p-0" data-testid="customer-business-profiles">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Business profiles</Heading>
        <Button size="small" variant="secondary" onClick={() => setEditor({ open: true, profile: null })} data-testid="business-profile-add">
          Add
        </Button>
      </div>
      {message ? (
        <Text size="small" className={`px-6 py-4 ${error ? "text-ui-fg-error" : "text-ui-fg-subtle"}`} data-testid="business-profiles-message">
          {message}
        </Text>
      ) : (
        profiles.map((profile) => (
          <div
            key={profile.id}
            className="flex items-start justify-between gap-x-4 px-6 py-4"
            data-testid="customer-business-profile"
            data-profile-id={profile.id}
          >
            <div className="flex min-w-0 flex-col gap-y-1">
              <Text size="small" weight="plus" leading="compact" data-testid="business-profile-name">
                {profile.name}
              </Text>
              <Text size="small" leading="compact" className="text-ui-fg-subtle" data-testid="business-profile-email">
                {profile.billing_email}
              </Text>
              <Text size="small" leading="compact" className="text-ui-fg-subtle" data-testid="business-profile-address">
                {formatAddress(profile)}
              </Text>
              {profile.tax_id && (
                <Text size="small" leading="compact" className="text-ui-fg-subtle" data-testid="business-profile-tax-id">
                  Tax ID: {profile.tax_id}
                </Text>
              )}
            </div>
            <div className="flex shrink-0 items-center gap-x-1">
              <IconButton
                size="small"
                variant="transparent"
                aria-label={`Edit ${profile.name}`}
                onClick={() => setEditor({ open: true, profile })}
                data-testid="business-profile-edit"
              >
                <PencilSquare />
              </IconButton>
              <IconButton
                size="small"
                variant="transparent"
                aria-label={`Delete ${profile.name}`}
                onClick={() => confirmDelete(profile)}
                disabled={remove.isPending}
                data-testid="business-profile-delete"
              >
                <Trash />
              </IconButton>
            </div>
          </div>
        ))
      )}
      <EntryDrawer
        testIdPrefix="business-profile"
        open={editor.open}
        onOpenChange={(open) => setEditor((current) => ({ ...current, open }))}
        isNew={!editor.profile}
        title={editor.profile ? "Edit business profile" : "Add business profile"}
        description="The customer chooses a business profile when they book; its details are printed on the invoice."
        initialValues={toForm(editor.profile)}
        toBody={toBody}
        onSave={(body) => save.mutateAsync({ id: editor.profile?.id, body })}
        isSaving={save.isPending}
        errorFallback="The business profile could not be saved."
      >
        {(input, { values, setValue, fieldId }) => (
          <>
            <ProfileField name="name">
              <Input autoComplete="off" {...input("name")} />
            </ProfileField>
            <ProfileField name="billing_email" hint="Where this business’s invoices are sent.">
              <Input type="email" autoComplete="off" {...input("billing_email")} />
            </ProfileField>
            <ProfileField name="tax_id" hint="For example a VAT number; printed on invoices.">
              <Input autoComplete="off" {...input("tax_id")} />
            </ProfileField>
            <ProfileField name="address_1">
              <Input autoComplete="off" {...input("address_1")} />
            </ProfileField>
            <ProfileField name="address_2">
              <Input autoComplete="off" {...input("address_2")} />
            </ProfileField>
            <div className="grid grid-cols-2 gap-x-4">
              <ProfileField name="city">
                <Input autoComplete="off" {...input("city")} />
              </ProfileField>
              <ProfileField name="province">
                <Input autoComplete="off" {...input("province")} />
              </ProfileField>
            </div>
            <div className="grid grid-cols-2 gap-x-4">
              <ProfileField name="postal_code">
                <Input autoComplete="off" {...input("postal_code")} />
              </ProfileField>
              <ProfileField name="country_code">
                <CountrySelect id={fieldId("country_code")} value={values.country_code} onChange={(value) => setValue("country_code", value)} />
              </ProfileField>
            </div>
          </>
        )}
      </EntryDrawer>
    </Container>
  )
}

/** A labelled field of the business profile form, with the portal's label. */
function ProfileField({ name, hint, children }: { name: BusinessProfileField; hint?: string; children: ReactNode }) {
  return (
    <FormField name={name} label={BUSINESS_PROFILE_LABELS[name]} hint={hint}>
      {children}
    </FormField>
  )
}

export default CustomerBusinessProfilesWidget
