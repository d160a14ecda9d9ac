import type { AdminFieldworker } from "@fieldservice/contract"
import { isoDate } from "../../../utils/json-dates"

/** A fieldworker as the admin API answers it. */
export type FieldworkerRecord = {
  id: string
  name: string
  email: string
  phone: string | null
  service_areas: string[]
  active: boolean
  created_at: Date | string
  updated_at: Date | string
}

export const presentFieldworker = (fieldworker: FieldworkerRecord): AdminFieldworker => ({
  id: fieldworker.id,
  name: fieldworker.name,
  email: fieldworker.email,
  phone: fieldworker.phone,
  service_areas: fieldworker.service_areas ?? [],
  active: fieldworker.active,
  created_at: isoDate(fieldworker.created_at),
  updated_at: isoDate(fieldworker.updated_at),
})
