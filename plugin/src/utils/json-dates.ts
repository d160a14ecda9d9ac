/**
 * A date as `res.json` sends it (a Date becomes its ISO string), typed as the contract's string dates.
 * Only for values that are Date objects or ISO strings, so the JSON stays the same.
 */
export const isoDate = (date: Date | string): string => new Date(date).toISOString()

export const isoDateOrNull = (date: Date | string | null | undefined): string | null => (date ? isoDate(date) : null)

type Stamped = { created_at: Date | string; updated_at: Date | string }

/** A module's record with its created/updated times as the JSON sends them; every other field (and the key order) unchanged. */
export const withIsoStamps = <T extends Stamped>(record: T): Omit<T, keyof Stamped> & { created_at: string; updated_at: string } => ({
  ...record,
  created_at: isoDate(record.created_at),
  updated_at: isoDate(record.updated_at),
})
