import { EllipsisHorizontal } from "@medusajs/icons"
import { Badge, DropdownMenu, IconButton, Text, toast, usePrompt } from "@medusajs/ui"
import { useRef, useState } from "react"
import type { StoreBookingSeries } from "@fieldservice/contract"
import { TimeDrawer } from "../../components/time-drawer"
import { formatVisitDay, formatVisitTimes } from "../../lib/bookings"
import { type SeriesChange, seriesRuleText, seriesState, useCustomerSeries, useSeriesChange } from "../../lib/booking-series"
import { dayOf } from "../../lib/schedule"
import { ChangeSeriesDrawer, PauseSeriesDrawer } from "./series-drawers"

/**
 * "Repeat visits" on the customer page: each series (service, rule in words, next visit, status)
 * with staff's changes in its menu: skip or move the next visit, change from a date on, pause, end.
 * Staff changes have no customer cut-off; the customer is emailed about each.
 */
export function RepeatVisits({ customerId }: { customerId: string }) {
  const { data, isLoading, error } = useCustomerSeries(customerId)
  const series = data?.booking_series ?? []
  return (
    <section className="flex flex-col gap-y-2 px-6 py-4" data-testid="customer-series">
      <Text size="small" weight="plus" leading="compact" asChild>
        <h3>Repeat visits</h3>
      </Text>
      {isLoading && (
        <Text size="small" className="text-ui-fg-subtle">
          Loading…
        </Text>
      )}
      {error && (
        <Text size="small" className="text-ui-fg-error">
          The repeat visits could not be loaded: {error.message}
        </Text>
      )}
      {data && series.length === 0 && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="customer-series-empty">
          No repeat visits. Choose “How often?” in New booking to set some up.
        </Text>
      )}
      {series.length > 0 && (
        <ul className="flex flex-col gap-y-2">
          {series.map((item) => (
            <SeriesRow key={item.id} customerId={customerId} series={item} />
          ))}
        </ul>
      )}
    </section>
  )
}

type Drawer = "move" | "change" | "pause" | null

function SeriesRow({ customerId, series }: { customerId: string; series: StoreBookingSeries }) {
  const prompt = usePrompt()
  const opensPrompt = useRef(false)
  const [drawer, setDrawer] = useState<Drawer>(null)
  const change = useSeriesChange(customerId, series.id)
  const next = series.next_visits[0] ?? null
  const state = seriesState(series)
  const zone = series.time_zone

  const run = (what: SeriesChange, done: string) =>
    change.mutateAsync(what).then(
      () => {
        toast.success(done)
        setDrawer(null)
      },
      (failure: Error) => toast.error(failure.message)
    )

  const confirm = async (title: string, description: string, confirmText: string) => {
    opensPrompt.current = true
    return prompt({ title, description, confirmText, cancelText: "Keep it" })
  }
  const skipNext = async () => {
    if (!next) return
    const day = formatVisitDay(next.starts_at, zone)
    if (await confirm(`Skip the visit on ${day}?`, "It is cancelled and the customer is emailed.", "Skip visit")) {
      await run({ action: "skip", body: { date: next.occurrence } }, `The visit on ${day} is skipped.`)
    }
  }
  const end = async () => {
    if (await confirm("End these repeat visits?", "Every visit from today is cancelled and the customer is emailed.", "End repeat visits")) {
      await run({ action: "end", body: {} }, "The repeat visits are ended.")
    }
  }

  return (
    <li className="flex items-start justify-between gap-x-2" data-testid="customer-series-row" data-series-id={series.id}>
      <div className="flex min-w-0 flex-col">
        <Text size="small" leading="compact" weight="plus" className="truncate">
          {series.service_title}
          {series.option_title ? ` · ${series.option_title}` : ""}
        </Text>
        <Text size="xsmall" leading="compact" className="text-ui-fg-subtle" data-testid="customer-series-rule">
          {seriesRuleText(series)}
        </Text>
        <Text size="xsmall" leading="compact" className="text-ui-fg-muted" data-testid="customer-series-next">
          {next ? `Next: ${formatVisitDay(next.starts_at, zone)}, ${formatVisitTimes(next, zone)}` : "No visits booked"}
        </Text>
      </div>
      <div className="flex items-center gap-x-1">
        <Badge size="2xsmall" color={state.color} data-testid="customer-series-status">
          {state.label}
        </Badge>
        {series.status === "active" && (
          <DropdownMenu>
            <DropdownMenu.Trigger asChild>
              <IconButton
                size="small"
                variant="transparent"
                aria-label={`Actions for ${series.service_title}, ${seriesRuleText(series)}`}
                disabled={change.isPending}
                data-testid="customer-series-actions"
              >
                <EllipsisHorizontal />
              </IconButton>
            </DropdownMenu.Trigger>
            <DropdownMenu.Content
              align="end"
              onCloseAutoFocus={(event) => {
                if (opensPrompt.current) event.preventDefault()
                opensPrompt.current = false
              }}
            >
              <DropdownMenu.Item disabled={!next} onSelect={() => void skipNext()} data-testid="customer-series-skip">
                Skip next visit
              </DropdownMenu.Item>
              <DropdownMenu.Item disabled={!next} onSelect={() => setDrawer("move")} data-testid="customer-series-move">
                Move next visit…
              </DropdownMenu.Item>
              <DropdownMenu.Item onSelect={() => setDrawer("change")} data-testid="customer-series-change">
                Change from a date…
              </DropdownMenu.Item>
              <DropdownMenu.Item onSelect={() => setDrawer("pause")} data-testid="customer-series-pause">
                Pause…
              </DropdownMenu.Item>
              <DropdownMenu.Separator />
              <DropdownMenu.Item onSelect={() => void end()} data-testid="customer-series-end">
                End repeat visits
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu>
        )}
      </div>
      <TimeDrawer
        visit={
          drawer === "move" && next
            ? { id: next.id, booking_number: next.booking_number, service_title: series.service_title, option_title: series.option_title }
            : null
        }
        day={next ? dayOf(next.starts_at, zone) : ""}
        days={7}
        timeZone={zone}
        onClose={() => setDrawer(null)}
        onChoose={(startsAt) =>
          next && void run({ action: "move", body: { date: next.occurrence, starts_at: startsAt } }, `The visit is moved to ${formatVisitDay(startsAt, zone)}.`)
        }
      />
      <ChangeSeriesDrawer
        open={drawer === "change"}
        series={series}
        saving={change.isPending}
        onClose={() => setDrawer(null)}
        onSave={(body) => run({ action: "change", body }, `The repeat visits are changed from ${body.from}.`)}
      />
      <PauseSeriesDrawer
        open={drawer === "pause"}
        series={series}
        saving={change.isPending}
        onClose={() => setDrawer(null)}
        onSave={(body) => run({ action: "pause", body }, `The repeat visits are paused from ${body.from} to ${body.to}.`)}
      />
    </li>
  )
}
