import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { RatingSettings as Settings, RatingsGroup, RatingsReportQuery, RatingsReportResponse } from "@fieldservice/contract"
import { sqlManager } from "../../utils/sql-manager"
import Rating from "./models/rating"
import RatingPhoto from "./models/rating-photo"
import RatingSettings from "./models/rating-settings"

/** What a business starts with until staff save Settings → Ratings. */
export const DEFAULT_RATING_SETTINGS: Settings = { low_rating_threshold: 2, public_review_url: null }

/** "BS6 7QT" → "BS6"; a postcode without its inward part is kept whole; none → null. */
export function postcodeArea(postcode: string | null | undefined): string | null {
  const code = (postcode ?? "").toUpperCase().replace(/\s+/g, "")
  if (!code) return null
  return code.length > 4 ? code.slice(0, -3) : code
}

type Dimension = "fieldworker" | "service" | "postcode_area" | "month"

// The SQL of each grouping: its key and its label (a fieldworker is kept apart by id, named by the
// name they had when rated; a visit without a fieldworker or postcode is its own group).
const GROUPINGS: Record<Dimension, { key: string; label: string }> = {
  fieldworker: { key: `coalesce(fieldworker_id, '')`, label: `coalesce(max(fieldworker_name), 'No fieldworker')` },
  service: { key: `service_title`, label: `service_title` },
  postcode_area: { key: `coalesce(postcode_area, '')`, label: `coalesce(max(postcode_area), 'No postcode')` },
  month: { key: `month`, label: `month` },
}

// Registered as "RatingImage": "photo" pluralises differently in Medusa's types and at run time.
class RatingsModuleService extends MedusaService({ Rating, RatingImage: RatingPhoto, RatingSettings }) {
  async getRatingSettings(): Promise<Settings & { id: string | null }> {
    const [row] = await this.listRatingSettings({}, { take: 1, order: { created_at: "ASC" } })
    if (!row) return { id: null, ...DEFAULT_RATING_SETTINGS }
    return { id: row.id, low_rating_threshold: Number(row.low_rating_threshold), public_review_url: row.public_review_url ?? null }
  }

  /**
   * Average, count and how many of each star, overall and grouped by fieldworker, service,
   * postcode area and month (of the visit's completion, in the business's time zone).
   */
  @InjectManager()
  async report(filters: RatingsReportQuery, timeZone: string, @MedusaContext() sharedContext: Context = {}): Promise<RatingsReportResponse> {
    const sql = sqlManager(sharedContext)
    const where = [`deleted_at IS NULL`]
    const params: unknown[] = []
    const add = (clause: string, ...values: unknown[]) => {
      where.push(clause)
      params.push(...values)
    }
    if (filters.from) add(`(visit_completed_at AT TIME ZONE ?)::date >= ?::date`, timeZone, filters.from)
    if (filters.to) add(`(visit_completed_at AT TIME ZONE ?)::date <= ?::date`, timeZone, filters.to)
    if (filters.fieldworker_id) add(`fieldworker_id = ?`, filters.fieldworker_id)
    if (filters.service) add(`service_title = ?`, filters.service)
    if (filters.postcode_area) add(`postcode_area = ?`, filters.postcode_area)
    const counts = `count(*)::int AS count, round(avg(stars)::numeric, 2)::float AS average, ${[1, 2, 3, 4, 5]
      .map((star) => `count(*) FILTER (WHERE stars = ${star})::int AS s${star}`)
      .join(", ")}`

    const group = async (dimension: Dimension | null): Promise<RatingsGroup[]> => {
      const grouping = dimension ? GROUPINGS[dimension] : null
      const rows = await sql.execute(
        `SELECT ${grouping ? `${grouping.key} AS key, ${grouping.label} AS label` : `'all' AS key, 'All ratings' AS label`}, ${counts}
         FROM (SELECT *, to_char(visit_completed_at AT TIME ZONE ?, 'YYYY-MM') AS month FROM rating WHERE ${where.join(" AND ")}) AS rated
         ${grouping ? `GROUP BY 1 ORDER BY ${dimension === "month" ? "1" : "2"}` : ""}`,
        [timeZone, ...params]
      )
      return rows.map((row) => ({
        key: String(row.key),
        label: String(row.label),
        count: Number(row.count),
        average: row.average === null ? 0 : Number(row.average),
        distribution: [Number(row.s1), Number(row.s2), Number(row.s3), Number(row.s4), Number(row.s5)],
      }))
    }

    const [[total], by_fieldworker, by_service, by_postcode_area, by_month] = await Promise.all([
      group(null),
      group("fieldworker"),
      group("service"),
      group("postcode_area"),
      group("month"),
    ])
    return { total, by_fieldworker, by_service, by_postcode_area, by_month }
  }
}

export default RatingsModuleService
