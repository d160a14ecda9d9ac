import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Select, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { KIND_LABELS, STATUS_COLORS, STATUS_LABELS, useCustomerProfile } from "../lib/profile"
import { AdditionalContacts } from "./customer-profile/additional-contacts"
import { Billing } from "./customer-profile/billing"
import { ContactDetails } from "./customer-profile/contact-details"
import { CustomFields } from "./customer-profile/custom-fields"
import { EmailPreferences } from "./customer-profile/email-preferences"
import { InternalNotes } from "./customer-profile/internal-notes"
import { ProfilePicture } from "./customer-profile/picture"
import { SavedCards } from "./customer-profile/saved-cards"
import { InlineError } from "./customer-profile/section"
import { Tags } from "./customer-profile/tags"
import { useUpdateProfile } from "./customer-profile/use-update-profile"
import CustomerAddresses from "./customer-profile/customer-addresses"
import CustomerBusinessProfiles from "./customer-profile/customer-business-profiles"
import CustomerDependents from "./customer-profile/customer-dependents"
import type { ProfileKind } from "@fieldservice/contract"

/**
 * The customer's profile for staff: picture, account type, contact details, tags, custom fields,
 * additional contacts, email preferences, tax and payment terms, saved cards and internal notes. It reads the page's shared
 * profile query (one GET for every widget on the customer page); every section's save refreshes
 * that query, so the whole page shows what was saved.
 */
/**
 * One widget for the customer page's main column, so the sections come in a fixed order
 * (Medusa orders separate widgets by file name). It sits before Medusa's own sections (orders,
 * groups, metadata), so contact details are the first thing staff see.
 */
const CustomerPageWidget = (props: DetailWidgetProps<AdminCustomer>) => (
  <div className="flex flex-col gap-y-3">
    {/* Medusa's breadcrumb leads to its own customers list; staff find customers in the directory. */}
    <Link
      to="/crm"
      className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover self-start"
      data-testid="customer-page-directory-link"
    >
      ← Customer directory
    </Link>
    <CustomerProfileSection {...props} />
    <CustomerAddresses {...props} />
    <CustomerBusinessProfiles {...props} />
    <CustomerDependents {...props} />
  </div>
)

const CustomerProfileSection = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, isError } = useCustomerProfile(customer.id)
  const changeKind = useUpdateProfile(customer.id, "Profile updated")

  const profile = data?.profile

  return (
    <Container className="divide-y p-0" data-testid="customer-profile-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Customer profile</Heading>
        {profile && (
          <Badge color={STATUS_COLORS[profile.status]} data-testid="customer-profile-status">
            {STATUS_LABELS[profile.status]}
          </Badge>
        )}
      </div>
      {isLoading && (
        <Text className="px-6 py-4" size="small">
          Loading profile…
        </Text>
      )}
      {isError && (
        <Text className="px-6 py-4 text-ui-fg-error" size="small">
          The profile could not be loaded.
        </Text>
      )}
      {profile && (
        <>
          <div className="px-6 py-4">
            <ProfilePicture customerId={customer.id} profile={profile} />
          </div>
          <ContactDetails customerId={customer.id} profile={profile} />
          <Tags customerId={customer.id} profile={profile} />
          <div className="flex flex-col gap-y-1 px-6 py-4">
            <div className="grid grid-cols-2 items-center">
              <Text size="small" weight="plus" leading="compact">
                Account type
              </Text>
              <Select
                size="small"
                value={changeKind.isPending && changeKind.variables?.kind ? changeKind.variables.kind : profile.kind}
                onValueChange={(value) => changeKind.mutate({ kind: value as ProfileKind })}
                disabled={changeKind.isPending}
              >
                <Select.Trigger data-testid="customer-profile-kind">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {(Object.keys(KIND_LABELS) as ProfileKind[]).map((kind) => (
                    <Select.Item key={kind} value={kind}>
                      {KIND_LABELS[kind]}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </div>
            <InlineError message={changeKind.error?.message} testId="customer-profile-kind-error" />
          </div>
          <CustomFields customerId={customer.id} profile={profile} />
          <AdditionalContacts customerId={customer.id} profile={profile} />
          <EmailPreferences customerId={customer.id} profile={profile} />
          <Billing customerId={customer.id} profile={profile} />
          <SavedCards customerId={customer.id} />
          {/* Keyed by the saved notes, so a save (or a refetch with new notes) resets the draft. */}
          <InternalNotes key={profile.internal_notes ?? ""} customerId={customer.id} value={profile.internal_notes} />
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  // Its place on the page: migration-scripts/customer-page-layout.ts.
  id: "customer-profile",
  zone: "customer.details.before",
})

export default CustomerPageWidget
