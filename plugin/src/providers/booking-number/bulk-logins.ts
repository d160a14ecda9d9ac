import { bulkInsert, newEntityId, newUlid } from "../../utils/bulk-insert"
import type { SqlManager } from "../../utils/sql-manager"
import { BOOKING_NUMBER_PROVIDER } from "./service"

/**
 * Booking-number logins for a set of bookings in two statements, the rows the Auth module's
 * createAuthIdentities writes (an identity without app metadata; its provider identity, with a
 * bare ULID as id, the number and the booking's email), without its ORM: the rolling job writes
 * hundreds at once. Nothing listens for identities being created. Returns the identities' ids.
 */
export async function insertBookingNumberLogins(sql: SqlManager, bookings: { booking_number: string; email: string }[]): Promise<string[]> {
  const identities = bookings.map((booking) => ({ ...booking, id: newEntityId("authid") }))
  await bulkInsert(
    sql,
    "auth_identity",
    { id: "text" },
    identities.map(({ id }) => ({ id }))
  )
  await bulkInsert(
    sql,
    "provider_identity",
    { id: "text", entity_id: "text", provider: "text", auth_identity_id: "text", provider_metadata: "jsonb" },
    identities.map((identity) => ({
      id: newUlid(),
      entity_id: identity.booking_number,
      provider: BOOKING_NUMBER_PROVIDER,
      auth_identity_id: identity.id,
      provider_metadata: { email: identity.email },
    }))
  )
  return identities.map(({ id }) => id)
}
