import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { PencilSquare, Trash } from "@medusajs/icons"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import {
  Button,
  Container,
  Drawer,
  Heading,
  IconButton,
  Input,
  Label,
  Select,
  Text,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, type ReactNode, useState } from "react"
import {
  type BusinessProfile,
  type BusinessProfileDeleteResponse,
  type BusinessProfileField,
  type BusinessProfileForm,
  type BusinessProfileInput,
  type BusinessProfileListResponse,
  type BusinessProfileResponse,
  BUSINESS_PROFILE_LABELS,
  businessProfilesPath,
  businessProfilesQueryKey,
  countryOptions,
  formatAddress,
  toBody,
  toForm,
} from "../lib/business-profile"
import { sdk } from "../lib/sdk"

/**
 * The companies this customer books for. Staff add, edit and delete them here; the customer
 * manages the same list on the portal's My account page.
 */
const CustomerBusinessProfilesWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const queryKey = businessProfilesQueryKey(customer.id)

  const { data, isLoading, error } = useQuery({
    queryKey,
    queryFn: () => sdk.client.fetch<BusinessProfileListResponse>(businessProfilesPath(customer.id)),
  })
  const invalidate = () => queryClient.invalidateQueries({ queryKey })

  // Save errors are shown in the drawer (and toasted there); the drawer stays open.
  const save = useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Partial<BusinessProfileInput> }) =>
      sdk.client.fetch<BusinessProfileResponse>(businessProfilesPath(customer.id, id), { method: "POST", body }),
    onSuccess: (_response, { id }) => {
      toast.success(id === undefined ? "Business profile added" : "Business profile saved")
      return invalidate()
    },
  })

  const remove = useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<BusinessProfileDeleteResponse>(businessProfilesPath(customer.id, id), { method: "DELETE" }),
    onSuccess: () => {
      toast.success("Business profile deleted")
      return invalidate()
    },
    onError: (error: Error) => toast.error(error.message),
  })

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

  const profiles = data?.business_profiles ?? []
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
        <Button
          size="small"
          variant="secondary"
          onClick={() => setEditor({ open: true, profile: null })}
          data-testid="business-profile-add"
        >
          Add
        </Button>
      </div>
      {message ? (
        <Text
          size="small"
          className={`px-6 py-4 ${error ? "text-ui-fg-error" : "text-ui-fg-subtle"}`}
          data-testid="business-profiles-message"
        >
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
      <Drawer open={editor.open} onOpenChange={(open) => setEditor((current) => ({ ...current, open }))}>
        <Drawer.Content data-testid="business-profile-drawer">
          <Drawer.Header>
            {/* Radix renders the title as an h2; these are Heading's h2 styles. */}
            <Drawer.Title className="h2-core font-sans font-medium">
              {editor.profile ? "Edit business profile" : "Add business profile"}
            </Drawer.Title>
            <Drawer.Description className="text-ui-fg-subtle txt-small">
              The customer chooses a business profile when they book; its details are printed on the invoice.
            </Drawer.Description>
          </Drawer.Header>
          {/* Mounted only while open, so each opening starts from the profile's current values. */}
          <ProfileForm
            profile={editor.profile}
            onSave={(body) => save.mutateAsync({ id: editor.profile?.id, body })}
            isSaving={save.isPending}
            onDone={() => setEditor((current) => ({ ...current, open: false }))}
          />
        </Drawer.Content>
      </Drawer>
    </Container>
  )
}

const fieldId = (name: BusinessProfileField) => `business-profile-field-${name}`

function ProfileForm({
  profile,
  onSave,
  isSaving,
  onDone,
}: {
  profile: BusinessProfile | null
  onSave: (body: Partial<BusinessProfileInput>) => Promise<unknown>
  isSaving: boolean
  onDone: () => void
}) {
  const initialValues = toForm(profile)
  const [values, setValues] = useState<BusinessProfileForm>(initialValues)
  const [error, setError] = useState<string | null>(null)

  const set = (name: BusinessProfileField, value: string) => setValues((current) => ({ ...current, [name]: value }))
  const input = (name: BusinessProfileField) => ({
    id: fieldId(name),
    name,
    value: values[name],
    onChange: (event: { target: { value: string } }) => set(name, event.target.value),
    "data-testid": fieldId(name),
  })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    // A new profile sends every field; an edit only what changed.
    const changed = Object.fromEntries(
      Object.entries(values).filter(([name, value]) => !profile || value !== initialValues[name as BusinessProfileField])
    ) as Partial<BusinessProfileForm>
    if (profile && Object.keys(changed).length === 0) {
      onDone()
      return
    }
    setError(null)
    try {
      await onSave(toBody(changed))
      onDone()
    } catch (caught) {
      const message = caught instanceof Error && caught.message ? caught.message : "The business profile could not be saved."
      setError(message)
      toast.error(message)
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        {error && (
          <div
            role="alert"
            className="bg-ui-bg-subtle border-ui-border-error rounded-md border px-3 py-2"
            data-testid="business-profile-error"
          >
            <Text size="small" className="text-ui-fg-error">
              {error}
            </Text>
          </div>
        )}
        <FormField name="name">
          <Input autoComplete="off" {...input("name")} />
        </FormField>
        <FormField name="billing_email" hint="Where this business’s invoices are sent.">
          <Input type="email" autoComplete="off" {...input("billing_email")} />
        </FormField>
        <FormField name="tax_id" hint="For example a VAT number; printed on invoices.">
          <Input autoComplete="off" {...input("tax_id")} />
        </FormField>
        <FormField name="address_1">
          <Input autoComplete="off" {...input("address_1")} />
        </FormField>
        <FormField name="address_2">
          <Input autoComplete="off" {...input("address_2")} />
        </FormField>
        <div className="grid grid-cols-2 gap-x-4">
          <FormField name="city">
            <Input autoComplete="off" {...input("city")} />
          </FormField>
          <FormField name="province">
            <Input autoComplete="off" {...input("province")} />
          </FormField>
        </div>
        <div className="grid grid-cols-2 gap-x-4">
          <FormField name="postal_code">
            <Input autoComplete="off" {...input("postal_code")} />
          </FormField>
          <FormField name="country_code">
            <Select value={values.country_code} onValueChange={(value) => set("country_code", value)}>
              <Select.Trigger id={fieldId("country_code")} data-testid={fieldId("country_code")}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {countryOptions(values.country_code).map((country) => (
                  <Select.Item key={country.code} value={country.code}>
                    {country.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </FormField>
        </div>
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button" data-testid="business-profile-cancel">
            Cancel
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" isLoading={isSaving} data-testid="business-profile-save">
          Save
        </Button>
      </Drawer.Footer>
    </form>
  )
}

/** A labelled field of the business profile form. */
function FormField({ name, hint, children }: { name: BusinessProfileField; hint?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={fieldId(name)} size="small" weight="plus">
        {BUSINESS_PROFILE_LABELS[name]}
      </Label>
      {children}
      {hint && (
        <Text size="small" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )}
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerBusinessProfilesWidget
