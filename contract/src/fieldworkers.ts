// The field team: /admin/fieldworkers[/:id].

export type AdminFieldworker = {
  id: string
  name: string
  email: string
  phone: string | null
  /** Postcode areas or districts ("BS", "BA1"); empty means anywhere. */
  service_areas: string[]
  active: boolean
}
export type AdminFieldworkerListResponse = { fieldworkers: AdminFieldworker[]; count: number; limit: number; offset: number }
/** Create (201) and update. */
export type AdminFieldworkerResponse = { fieldworker: AdminFieldworker }
/** The fieldworker's upcoming bookings are left without one. */
export type AdminFieldworkerDeleteResponse = { id: string; object: "fieldworker"; deleted: true; unassigned_booking_count: number }
/** Body of POST /admin/fieldworkers; updates take any subset. */
export type AdminCreateFieldworker = { name: string; email: string; phone: string | null; service_areas: string[]; active: boolean }
