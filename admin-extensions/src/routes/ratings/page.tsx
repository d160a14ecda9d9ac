import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Star } from "@medusajs/icons"
import type { RatingsGroup, RatingsReportQuery } from "@fieldservice/contract"
import { Button, Container, Heading, Input, Label, Select, Table, Text } from "@medusajs/ui"
import { type FormEvent, useState } from "react"
import { useSearchParams } from "react-router-dom"
import { TableMessageRow } from "../../components/table-parts"
import { useFieldworkers } from "../../lib/bookings"
import { reportQueryString, useRatingsReport } from "../../lib/ratings"
import { DistributionBars, MonthColumns } from "./components/charts"

const FILTERS = ["from", "to", "fieldworker_id", "service", "postcode_area"] as const
const ALL = "all"

function GroupTable({ title, groups, testId }: { title: string; groups: RatingsGroup[]; testId: string }) {
  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <div className="px-6 py-4">
        <Heading level="h2">{title}</Heading>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{title.replace(/^By /, "").replace(/^./, (c) => c.toUpperCase())}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Ratings</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Average</Table.HeaderCell>
            <Table.HeaderCell>Stars</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {groups.length === 0 ? (
            <TableMessageRow colSpan={4} message="No ratings match the filters." isError={false} testId={`${testId}-empty`} />
          ) : (
            groups.map((group) => (
              <Table.Row key={group.key} data-testid="ratings-group-row">
                <Table.Cell>{group.label}</Table.Cell>
                <Table.Cell className="text-right">{group.count}</Table.Cell>
                <Table.Cell className="text-right" data-testid="ratings-group-average">
                  {group.average.toFixed(2)}
                </Table.Cell>
                <Table.Cell className="py-2">
                  <DistributionBars group={group} width={180} />
                </Table.Cell>
              </Table.Row>
            ))
          )}
        </Table.Body>
      </Table>
    </Container>
  )
}

/**
 * The Ratings report: how customers rate the visits, overall and by fieldworker, service, postcode
 * area and month, filtered by completion date and the rest, with the rows as CSV. Filters live in the address.
 */
const RatingsReportPage = () => {
  const [params, setParams] = useSearchParams()
  const filters = Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? ""]).filter(([, value]) => value)) as RatingsReportQuery
  const [draft, setDraft] = useState<Record<string, string>>(filters)
  const { data, isLoading, error } = useRatingsReport(filters)
  const fieldworkers = useFieldworkers().data?.fieldworkers ?? []

  const apply = (event?: FormEvent) => {
    event?.preventDefault()
    setParams(new URLSearchParams(Object.entries(draft).filter(([, value]) => value.trim() !== "")), { replace: true })
  }
  const clear = () => {
    setDraft({})
    setParams(new URLSearchParams(), { replace: true })
  }
  const field = (key: (typeof FILTERS)[number]) => ({
    value: draft[key] ?? "",
    onChange: (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [key]: event.target.value })),
  })
  const total = data?.total

  return (
    <div className="flex flex-col gap-y-3" data-testid="ratings-report">
      <Container className="flex flex-col gap-y-4 p-6">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div>
            <Heading level="h1">Ratings</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              What customers said about completed visits, 1 to 5 stars.
            </Text>
          </div>
          <Button variant="secondary" size="small" asChild>
            <a href={`/admin/ratings/export?${reportQueryString(filters)}`} download data-testid="ratings-export">
              Export CSV
            </a>
          </Button>
        </div>
        <form onSubmit={apply} className="grid grid-cols-1 gap-3 md:grid-cols-3 xl:grid-cols-6" data-testid="ratings-filters">
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="ratings-from" size="xsmall">
              Completed from
            </Label>
            <Input id="ratings-from" type="date" size="small" {...field("from")} />
          </div>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="ratings-to" size="xsmall">
              Completed to
            </Label>
            <Input id="ratings-to" type="date" size="small" {...field("to")} />
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="xsmall">Fieldworker</Label>
            <Select
              size="small"
              value={draft.fieldworker_id || ALL}
              onValueChange={(value) => setDraft((d) => ({ ...d, fieldworker_id: value === ALL ? "" : value }))}
            >
              <Select.Trigger data-testid="ratings-fieldworker">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={ALL}>All fieldworkers</Select.Item>
                {fieldworkers.map((fieldworker) => (
                  <Select.Item key={fieldworker.id} value={fieldworker.id}>
                    {fieldworker.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="ratings-service" size="xsmall">
              Service
            </Label>
            <Input id="ratings-service" size="small" placeholder="All services" {...field("service")} data-testid="ratings-service" />
          </div>
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="ratings-area" size="xsmall">
              Postcode area
            </Label>
            <Input id="ratings-area" size="small" placeholder="e.g. BS6" {...field("postcode_area")} data-testid="ratings-area" />
          </div>
          <div className="flex items-end gap-x-2">
            <Button type="submit" size="small" data-testid="ratings-apply">
              Apply
            </Button>
            <Button type="button" size="small" variant="transparent" onClick={clear}>
              Clear
            </Button>
          </div>
        </form>
        {isLoading ? (
          <Text size="small">Loading the report…</Text>
        ) : error ? (
          <Text size="small" className="text-ui-fg-error">
            The report could not be loaded: {error.message}
          </Text>
        ) : total ? (
          <div className="flex flex-wrap items-center gap-x-10 gap-y-4" data-testid="ratings-total">
            <div>
              <Text size="xlarge" weight="plus" data-testid="ratings-average">
                {total.count ? total.average.toFixed(2) : "—"}
              </Text>
              <Text size="small" className="text-ui-fg-subtle" data-testid="ratings-count">
                {`average of ${total.count} rating${total.count === 1 ? "" : "s"}`}
              </Text>
            </div>
            <DistributionBars group={total} />
            <MonthColumns months={data.by_month} />
          </div>
        ) : null}
      </Container>
      {data && (
        <>
          <GroupTable title="By fieldworker" groups={data.by_fieldworker} testId="ratings-by-fieldworker" />
          <GroupTable title="By service" groups={data.by_service} testId="ratings-by-service" />
          <GroupTable title="By postcode area" groups={data.by_postcode_area} testId="ratings-by-area" />
          <GroupTable title="By month" groups={data.by_month} testId="ratings-by-month" />
        </>
      )}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Ratings", icon: Star })

export default RatingsReportPage
