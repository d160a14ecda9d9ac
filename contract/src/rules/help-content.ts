import type { StorePortalSettings } from "../portal"
import { cutoffText, officeContact } from "./bookings"

/**
 * FAQs and terms may name the business's own settings instead of repeating them, so the wording
 * lives in one place: {{cancellation_policy}}, {{cancellation_cutoff}}, {{reschedule_cutoff}} and
 * {{office_contact}} are filled in from Settings → Customer portal. Unknown names stay as written.
 */
export function fillSettings(
  text: string,
  rules: (Omit<StorePortalSettings["booking_changes"], "office_email"> & { office_email: string | null }) | null
): string {
  if (!rules) return text
  const values: Record<string, string> = {
    cancellation_policy: rules.cancellation_policy,
    cancellation_cutoff: cutoffText(rules.cancellation_cutoff_hours),
    reschedule_cutoff: cutoffText(rules.reschedule_cutoff_hours),
    office_contact: officeContact(rules),
  }
  return text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole)
}
