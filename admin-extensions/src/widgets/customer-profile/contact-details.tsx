import { PencilSquare } from "@medusajs/icons"
import { Badge, Button, Text } from "@medusajs/ui"
import { useState } from "react"
import { PHONE_TYPE_LABELS, fullName } from "../../lib/profile"
import { ContactDrawer } from "./contact-drawer"
import { ProfileRow, ProfileSection } from "./section"
import type { AdminCustomerProfile as CustomerProfile } from "@fieldservice/contract"

const None = () => (
  <Text size="small" leading="compact" className="text-ui-fg-muted">
    None
  </Text>
)

function PrimaryBadge() {
  return (
    <Badge size="2xsmall" color="blue" data-testid="customer-profile-primary">
      Primary
    </Badge>
  )
}

/** Names, the company (business customers), other names, emails and phone numbers, with the drawer that edits them. */
export function ContactDetails({ customerId, profile }: { customerId: string; profile: CustomerProfile }) {
  const [open, setOpen] = useState(false)

  return (
    <ProfileSection
      title="Contact details"
      action={
        <Button size="small" variant="secondary" onClick={() => setOpen(true)} data-testid="customer-profile-edit-contact">
          <PencilSquare />
          Edit contact details
        </Button>
      }
    >
      <ProfileRow label="Name">
        <Text size="small" leading="compact" data-testid="customer-profile-name">
          {fullName(profile) || "—"}
        </Text>
      </ProfileRow>
      {profile.kind === "business" && (
        <ProfileRow label="Company" hint="From the customer’s business profiles, below.">
          {profile.business_profiles.length ? (
            <Text size="small" leading="compact" data-testid="customer-profile-company">
              {profile.business_profiles.map((business) => business.name).join(", ")}
            </Text>
          ) : (
            <None />
          )}
        </ProfileRow>
      )}
      <ProfileRow label="Other names" hint="Shown on bookings and found by search, e.g. “Jo” or “Dr J. Smith”.">
        {profile.additional_names.length ? (
          <ul className="flex flex-col gap-y-1" data-testid="customer-profile-other-names">
            {profile.additional_names.map((name, index) => (
              <Text key={`${index}-${name}`} size="small" leading="compact" asChild>
                <li>{name}</li>
              </Text>
            ))}
          </ul>
        ) : (
          <None />
        )}
      </ProfileRow>
      <ProfileRow label="Email" hint={profile.has_login ? "The sign-in email: always the primary one." : undefined}>
        <div className="flex flex-wrap items-center gap-x-2">
          <Text size="small" leading="compact" className="break-all" data-testid="customer-profile-account-email">
            {profile.account_email}
          </Text>
          <PrimaryBadge />
        </div>
      </ProfileRow>
      <ProfileRow label="Phone">
        {profile.account_phone ? (
          <div className="flex flex-wrap items-center gap-x-2">
            <Text size="small" leading="compact" data-testid="customer-profile-account-phone">
              {profile.account_phone}
            </Text>
            <PrimaryBadge />
          </div>
        ) : (
          <None />
        )}
      </ProfileRow>
      {profile.emails.length > 0 && (
        <ProfileRow label="Other emails">
          <ul className="flex flex-col gap-y-1" data-testid="customer-profile-emails">
            {profile.emails.map((email) => (
              <Text key={email.id} size="small" leading="compact" className="break-all" data-testid="customer-profile-email" asChild>
                <li>{email.value}</li>
              </Text>
            ))}
          </ul>
        </ProfileRow>
      )}
      {profile.phones.length > 0 && (
        <ProfileRow label="Other phones">
          <ul className="flex flex-col gap-y-1" data-testid="customer-profile-phones">
            {profile.phones.map((phone) => (
              <li key={phone.id} className="flex flex-wrap items-center gap-x-2" data-testid="customer-profile-phone">
                <Text size="small" leading="compact">
                  {phone.value}
                </Text>
                <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                  {PHONE_TYPE_LABELS[phone.kind] ?? phone.kind}
                </Text>
              </li>
            ))}
          </ul>
        </ProfileRow>
      )}
      <ContactDrawer customerId={customerId} profile={profile} open={open} onOpenChange={setOpen} />
    </ProfileSection>
  )
}
