import { MedusaService } from "@medusajs/framework/utils"
import { DEFAULT_REMINDER_LEAD_HOURS, type AdminVisitReminderSettings } from "@fieldservice/contract"
import VisitReminder from "./models/visit-reminder"
import VisitReminderSettings from "./models/visit-reminder-settings"

export type VisitReminderRow = {
  id: string
  booking_id: string
  customer_id: string
  lead_minutes: number
  starts_at: Date
  sent_at: Date | null
  attempts: number
}

/** Longest first, whole hours, no repeats. */
export const normalLeadHours = (hours: readonly number[]) => [...new Set(hours)].sort((a, b) => b - a)

class VisitRemindersModuleService extends MedusaService({ VisitReminderSettings, VisitReminder }) {
  /** The settings row; none until staff first save (reading writes nothing: the job reads every few minutes). */
  async getSettingsRow() {
    const [row] = await this.listVisitReminderSettings({}, { take: 1, order: { created_at: "ASC" } })
    return row ?? null
  }

  async getSettings(): Promise<AdminVisitReminderSettings> {
    const row = await this.getSettingsRow()
    const hours = Array.isArray(row?.lead_hours) ? (row.lead_hours as number[]) : [...DEFAULT_REMINDER_LEAD_HOURS]
    return { enabled: row?.enabled ?? true, lead_hours: normalLeadHours(hours), updated_at: row?.updated_at ? new Date(row.updated_at).toISOString() : null }
  }
}

export default VisitRemindersModuleService
