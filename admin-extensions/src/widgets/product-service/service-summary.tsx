import { Badge, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { formatLeadTime, formatMinutes, formatPeriods, formatRate, hoursByWeekday } from "../../lib/service"
import type { AdminServiceDetails as ServiceDetails } from "@fieldservice/contract"

/** The saved settings, as customers will meet them. */
export function ServiceSummary({ service, timeZone }: { service: ServiceDetails; timeZone: string }) {
  return (
    <>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Row label="Duration" testId="product-service-duration">
          {formatMinutes(service.duration_minutes)}
        </Row>
        <Row label="Price" testId="product-service-rate">
          {service.starting_rate === null ? (
            <span className="text-ui-fg-muted">No option has a price in {service.currency_code.toUpperCase()} yet</span>
          ) : (
            `from ${formatRate(service.starting_rate, service.currency_code)}`
          )}
        </Row>
        <Row label="Summary" testId="product-service-summary">
          {service.summary || <span className="text-ui-fg-muted">None</span>}
        </Row>
        <Row label="Areas" testId="product-service-areas">
          {service.service_areas.length ? (
            <span className="flex flex-wrap gap-1">
              {service.service_areas.map((area) => (
                <Badge key={area} size="2xsmall" data-testid="product-service-area">
                  {area}
                </Badge>
              ))}
            </span>
          ) : (
            "Everywhere"
          )}
        </Row>
        <Row label="Arrival window" testId="product-service-window">
          {formatMinutes(service.window_minutes)}
        </Row>
        <Row label="Teams per window" testId="product-service-capacity">
          {service.capacity}
        </Row>
        <Row label="Lead time" testId="product-service-lead-time">
          {formatLeadTime(service.lead_time_hours)}
        </Row>
        <Row label="Booking horizon" testId="product-service-horizon">
          {service.horizon_days} {service.horizon_days === 1 ? "day" : "days"} ahead
        </Row>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="product-service-hours">
        <div className="flex items-baseline justify-between gap-x-2">
          <Text size="small" weight="plus" leading="compact">
            Opening hours
          </Text>
          <Text size="xsmall" leading="compact" className="text-ui-fg-muted" data-testid="product-service-time-zone">
            {timeZone}
          </Text>
        </div>
        {service.working_hours.length === 0 && (
          <Text size="small" leading="compact" className="text-ui-fg-error" data-testid="product-service-no-hours">
            No opening hours yet: customers can’t book this service until you add some.
          </Text>
        )}
        {hoursByWeekday(service.working_hours).map((day) => (
          <div key={day.weekday} className="grid grid-cols-[3rem_1fr] gap-x-2" data-testid={`product-service-hours-${day.weekday}`}>
            <Text size="small" leading="compact" className="text-ui-fg-subtle" title={day.name}>
              {day.short}
            </Text>
            <Text size="small" leading="compact" className={day.periods.length ? "" : "text-ui-fg-muted"}>
              {formatPeriods(day.periods)}
            </Text>
          </div>
        ))}
      </div>
    </>
  )
}

function Row({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-2 items-start gap-x-4">
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Text size="small" leading="compact" asChild>
        <div data-testid={testId}>{children}</div>
      </Text>
    </div>
  )
}
