import type { RatingsGroup } from "@fieldservice/contract"

/** How many of each star, as five horizontal bars (plain SVG: nothing to load, prints as drawn). */
export function DistributionBars({ group, width = 220 }: { group: RatingsGroup; width?: number }) {
  const most = Math.max(1, ...group.distribution)
  const row = 14
  return (
    <svg
      width={width}
      height={row * 5}
      role="img"
      aria-label={group.distribution.map((count, index) => `${index + 1} star: ${count}`).join(", ")}
      data-testid="distribution-bars"
    >
      {[...group.distribution].reverse().map((count, index) => {
        const star = 5 - index
        const bar = ((width - 60) * count) / most
        return (
          <g key={star} transform={`translate(0, ${index * row})`}>
            <text x={0} y={row - 4} fontSize={10} fill="currentColor">{`${star}★`}</text>
            <rect x={24} y={2} width={Math.max(bar, count ? 2 : 0)} height={row - 4} rx={2} fill={star <= 2 ? "#e5484d" : star === 3 ? "#f5a524" : "#30a46c"} />
            <text x={28 + bar} y={row - 4} fontSize={10} fill="currentColor">
              {count}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

/** "2026-12" → "Dec 26": short enough to sit under a column. */
const monthLabel = (key: string) => {
  const [year, month] = key.split("-").map(Number)
  return `${new Date(Date.UTC(year, month - 1, 15)).toLocaleString("en-GB", { month: "short", timeZone: "UTC" })} ${String(year).slice(2)}`
}

/** The average by month as columns (0–5 stars), each with its count under it. */
export function MonthColumns({ months }: { months: RatingsGroup[] }) {
  if (!months.length) return null
  const column = 44
  const height = 120
  const width = Math.max(column * months.length, 200)
  return (
    <div className="overflow-x-auto">
      <svg width={width} height={height + 34} role="img" aria-label="Average rating by month" data-testid="month-chart">
        {[1, 2, 3, 4, 5].map((star) => (
          <line key={star} x1={0} x2={width} y1={height - (height * star) / 5} y2={height - (height * star) / 5} stroke="currentColor" strokeOpacity={0.1} />
        ))}
        {months.map((month, index) => {
          const bar = (height * month.average) / 5
          return (
            <g key={month.key} transform={`translate(${index * column + 6}, 0)`}>
              <title>{`${month.label}: average ${month.average.toFixed(2)} from ${month.count} ratings`}</title>
              <rect x={0} y={height - bar} width={column - 12} height={bar} rx={3} fill="#3e63dd" />
              <text x={(column - 12) / 2} y={height - bar - 3} fontSize={10} textAnchor="middle" fill="currentColor">
                {month.average.toFixed(1)}
              </text>
              <text x={(column - 12) / 2} y={height + 12} fontSize={10} textAnchor="middle" fill="currentColor">
                {monthLabel(month.key)}
              </text>
              <text x={(column - 12) / 2} y={height + 26} fontSize={9} textAnchor="middle" fill="currentColor" opacity={0.6}>
                {`n=${month.count}`}
              </text>
            </g>
          )
        })}
      </svg>
    </div>
  )
}
