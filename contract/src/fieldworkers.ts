// The field team: /admin/fieldworkers[/:id].

export type AdminFieldworker = {
  id: string
  name: string
  email: string
  phone: string | null
  /** Postcode areas or districts ("BS", "BA1"); empty means anywhere. */
  service_areas: string[]
  active: boolean
  created_at: string
  updated_at: string
}
export type AdminFieldworkerListResponse = { fieldworkers: AdminFieldworker[]; count: number; limit: number; offset: number }
/** Body of POST /admin/fieldworkers; updates take any subset. */
export type AdminCreateFieldworker = { name: string; email: string; phone: string | null; service_areas: string[]; active: boolean }
/** GET one (with how many upcoming bookings they have), create (201) and update. */
export type AdminFieldworkerResponse = { fieldworker: AdminFieldworker & { upcoming_booking_count?: number } }
/** DELETE /admin/fieldworkers/:id: their upcoming bookings are left unassigned. */
export type AdminFieldworkerDeleteResponse = { id: string; object: "fieldworker"; deleted: true; unassigned_booking_count: number }
