import { ProfileSection, SwitchRow } from "./section"
import { useUpdateProfile } from "./use-update-profile"
import type { AdminCustomerProfile as CustomerProfile } from "@fieldservice/contract"

type Preference = "reminder_emails" | "feedback_emails" | "marketing_emails"

const PREFERENCES: { field: Preference; label: string; hint: string; testId: string }[] = [
  {
    field: "reminder_emails",
    label: "Appointment reminders",
    hint: "Emails before a booked visit.",
    testId: "customer-profile-reminder-emails",
  },
  {
    field: "feedback_emails",
    label: "Rating requests",
    hint: "Asking to rate a visit after it is done.",
    testId: "customer-profile-feedback-emails",
  },
  {
    field: "marketing_emails",
    label: "News and offers",
    hint: "Occasional news and special offers.",
    testId: "customer-profile-marketing-emails",
  },
]

/** What the customer is emailed; the customer can change the same switches on the portal. */
export function EmailPreferences({ customerId, profile }: { customerId: string; profile: CustomerProfile }) {
  return (
    <ProfileSection title="Email preferences" description="The customer can change these on the portal too.">
      {PREFERENCES.map((preference) => (
        <PreferenceSwitch key={preference.field} customerId={customerId} value={profile[preference.field]} {...preference} />
      ))}
    </ProfileSection>
  )
}

function PreferenceSwitch({
  customerId,
  field,
  value,
  label,
  hint,
  testId,
}: {
  customerId: string
  field: Preference
  value: boolean
  label: string
  hint: string
  testId: string
}) {
  const update = useUpdateProfile(customerId, (body) => `${label} turned ${body[field] ? "on" : "off"}`)
  // Shows the new position while it saves; flips back if the save fails.
  const checked = update.isPending ? !!update.variables?.[field] : value
  return (
    <SwitchRow
      id={testId}
      label={label}
      hint={hint}
      checked={checked}
      onCheckedChange={(next) => update.mutate({ [field]: next })}
      disabled={update.isPending}
      error={update.error?.message}
      testId={testId}
    />
  )
}
