// The helpers live in src/utils so the readers in src/queries (used by workflows too) share them.
export { isoDate, isoDateOrNull, withIsoStamps } from "../../utils/json-dates"
