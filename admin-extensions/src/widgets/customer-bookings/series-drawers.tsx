import { Button, Drawer, Input, Label, Select, Text } from "@medusajs/ui"
import { type ReactNode, useState } from "react"
import {
  FREQUENCY_CHOICES,
  type SeriesFrequency,
  type StoreBookingSeries,
  type StoreChangeBookingSeries,
  type StorePauseBookingSeries,
} from "@fieldservice/contract"
import { formatVisitDay, formatVisitTimes, todayIn } from "../../lib/bookings"
import { useService, useServiceWindows } from "../../lib/new-booking"
import { addDays, dayOf } from "../../lib/schedule"

type DrawerProps<B> = { open: boolean; series: StoreBookingSeries; saving: boolean; onClose: () => void; onSave: (body: B) => Promise<unknown> }

/** The first date a change or pause can start: the next visit's, else today. */
const firstDate = (series: StoreBookingSeries) => (series.next_visits[0] ? dayOf(series.next_visits[0].starts_at, series.time_zone) : todayIn(series.time_zone))

function SeriesDrawer(props: {
  open: boolean
  onClose: () => void
  title: string
  description: string
  testId: string
  saveText: string
  canSave: boolean
  saving: boolean
  onSave: () => void
  children: ReactNode
}) {
  return (
    <Drawer open={props.open} onOpenChange={(open) => !open && props.onClose()}>
      <Drawer.Content data-testid={props.testId}>
        <Drawer.Header>
          <Drawer.Title className="h2-core font-sans font-medium">{props.title}</Drawer.Title>
          <Drawer.Description className="text-ui-fg-subtle txt-small">{props.description}</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">{props.children}</Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" disabled={!props.canSave} isLoading={props.saving} onClick={props.onSave} data-testid={`${props.testId}-save`}>
            {props.saveText}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-y-2">
      <Label size="small" weight="plus" htmlFor={id}>
        {label}
      </Label>
      {children}
      {hint && (
        <Text size="small" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )}
    </div>
  )
}

/** "Change from a date…": a new first visit (one of the free windows), how often, and the option; the visits before stay. */
export function ChangeSeriesDrawer({ open, series, saving, onClose, onSave }: DrawerProps<StoreChangeBookingSeries>) {
  const [from, setFrom] = useState(() => firstDate(series))
  const [startsAt, setStartsAt] = useState("")
  const [frequency, setFrequency] = useState<SeriesFrequency>(series.frequency)
  const [variantId, setVariantId] = useState(series.variant_id)
  const service = useService(open ? series.product_id : "")
  const windows = useServiceWindows(open && from ? series.product_id : "", from)
  const zone = series.time_zone
  // The first visit after the change is on or after the date it starts (the page of windows covers two weeks).
  const offered = (windows.data?.windows ?? []).filter((window) => dayOf(window.starts_at, zone) >= from)
  return (
    <SeriesDrawer
      open={open}
      onClose={onClose}
      title="Change from a date"
      description={`${series.service_title}, ${series.frequency_text.toLowerCase()} at ${series.start_time}. Visits before the date stay as they are; later ones are booked again the new way.`}
      testId="series-change-drawer"
      saveText="Change repeat visits"
      canSave={!!from && !!startsAt}
      saving={saving}
      onSave={() => void onSave({ from, starts_at: startsAt, frequency, variant_id: variantId })}
    >
      <Field id="series-change-from" label="From">
        <Input
          id="series-change-from"
          type="date"
          value={from}
          min={todayIn(zone)}
          onChange={(event) => {
            setFrom(event.target.value)
            setStartsAt("")
          }}
          data-testid="series-change-from"
        />
      </Field>
      <Field id="series-change-window" label="First visit then" hint={windows.isLoading ? "Loading free times…" : undefined}>
        <Select value={startsAt} onValueChange={setStartsAt}>
          <Select.Trigger id="series-change-window" data-testid="series-change-window">
            <Select.Value placeholder={offered.length ? "Choose an arrival time" : "No free times in the two weeks from then"} />
          </Select.Trigger>
          <Select.Content>
            {offered.map((window) => (
              <Select.Item key={window.starts_at} value={window.starts_at} data-testid="series-change-window-option">
                {formatVisitDay(window.starts_at, zone)}, {formatVisitTimes({ ...window, window_ends_at: window.ends_at }, zone)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      <Field id="series-change-frequency" label="How often">
        <Select value={frequency} onValueChange={(value) => setFrequency(value as SeriesFrequency)}>
          <Select.Trigger id="series-change-frequency" data-testid="series-change-frequency">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {FREQUENCY_CHOICES.map((choice) => (
              <Select.Item key={choice.value} value={choice.value}>
                {choice.label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      <Field id="series-change-option" label="Option">
        <Select value={variantId} onValueChange={setVariantId}>
          <Select.Trigger id="series-change-option" data-testid="series-change-option">
            <Select.Value placeholder={series.option_title ?? "Option"} />
          </Select.Trigger>
          <Select.Content>
            {(service.data?.service.variants ?? []).map((variant) => (
              <Select.Item key={variant.id} value={variant.id}>
                {variant.title}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
    </SeriesDrawer>
  )
}

/** "Pause…": no visits from one date to another (both included); the visits in between are cancelled. */
export function PauseSeriesDrawer({ open, series, saving, onClose, onSave }: DrawerProps<StorePauseBookingSeries>) {
  const [from, setFrom] = useState(() => firstDate(series))
  const [to, setTo] = useState(() => addDays(firstDate(series), 13))
  return (
    <SeriesDrawer
      open={open}
      onClose={onClose}
      title="Pause repeat visits"
      description={`${series.service_title}: no visits in this period. Booked visits in it are cancelled and the customer is emailed.`}
      testId="series-pause-drawer"
      saveText="Pause"
      canSave={!!from && !!to}
      saving={saving}
      onSave={() => void onSave({ from, to })}
    >
      <Field id="series-pause-from" label="No visits from">
        <Input id="series-pause-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} data-testid="series-pause-from" />
      </Field>
      <Field id="series-pause-to" label="Until (included)">
        <Input id="series-pause-to" type="date" value={to} onChange={(event) => setTo(event.target.value)} data-testid="series-pause-to" />
      </Field>
    </SeriesDrawer>
  )
}
