import { Text } from "@medusajs/ui"

const HEIGHT = 120
const BAR_GAP = 2

/** "8 Dec" from "2026-12-08", read as a calendar day (no time zone shift). */
const dayLabel = (date: string) => new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`))

/**
 * A bar per day in plain SVG (no chart library): it scales to the card's width, each bar says its
 * day and count on hover and to screen readers, and the axis names the first, middle and last day.
 */
export function LoginsChart({ days }: { days: { date: string; count: number }[] }) {
  const max = Math.max(1, ...days.map((day) => day.count))
  const width = days.length * 10
  const ticks = [0, Math.floor((days.length - 1) / 2), days.length - 1]
  return (
    <figure className="m-0 flex flex-col gap-y-1">
      <svg
        viewBox={`0 0 ${width} ${HEIGHT}`}
        preserveAspectRatio="none"
        className="h-[120px] w-full"
        role="img"
        aria-label={`Portal sign-ins per day, ${days.length} days, at most ${max} a day`}
        data-testid="portal-log-ins-chart"
      >
        <line x1={0} x2={width} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} className="stroke-ui-border-base" strokeWidth={1} />
        {days.map((day, index) => {
          const height = day.count ? Math.max(2, (day.count / max) * (HEIGHT - 8)) : 0
          return (
            <rect
              key={day.date}
              x={index * 10 + BAR_GAP / 2}
              y={HEIGHT - height}
              width={10 - BAR_GAP}
              height={height}
              rx={1}
              className="fill-ui-fg-interactive"
              data-date={day.date}
              data-count={day.count}
            >
              <title>{`${dayLabel(day.date)}: ${day.count} sign-in${day.count === 1 ? "" : "s"}`}</title>
            </rect>
          )
        })}
      </svg>
      <div className="flex justify-between">
        {ticks.map((index) => (
          <Text key={index} size="xsmall" className="text-ui-fg-muted">
            {days[index] ? dayLabel(days[index].date) : ""}
          </Text>
        ))}
      </div>
      <figcaption className="sr-only">Most in a day: {max}</figcaption>
    </figure>
  )
}
