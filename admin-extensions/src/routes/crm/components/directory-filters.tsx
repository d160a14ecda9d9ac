import type { AdminCustomField } from "@fieldservice/contract"
import { type ReactNode, useState } from "react"

import { AddFilterMenu, ClearAllFilters, FilterChip, FilterOptionList } from "../../../components/filter-chip"
import { adminLocale, customFilterField, customFilterKey, describeDayRange, isCustomFilterKey, useCustomerFields } from "../../../lib/directory"
import { CustomFieldEditor, describeCustomValue } from "./custom-field-filter"
import { LastVisitEditor } from "./date-filter"
import { describeStatuses, parseStatuses, StatusEditor } from "./status-filter"
import { describeTags, TagEditor } from "./tag-filter"

/** Address changes: null removes a parameter, a list repeats it. */
export type FilterChanges = Record<string, string | string[] | null>

/** A filter's key: "status", "tag", "upcoming", "last_visit", "overdue", or "custom:<field key>". */
type FilterKey = string
const FIXED: { key: FilterKey; label: string }[] = [
  { key: "status", label: "Status" },
  { key: "tag", label: "Tags" },
  { key: "upcoming", label: "Upcoming visit" },
  { key: "last_visit", label: "Last visit" },
  { key: "overdue", label: "Overdue invoices" },
]
const UPCOMING = [
  { value: "true", label: "Has one" },
  { value: "false", label: "Has none" },
] as const
const OVERDUE = [
  { value: "true", label: "Has some" },
  { value: "false", label: "Has none" },
] as const
/** The yes/no filters: their address parameter, options and the editor's test id. */
const YES_NO = {
  upcoming: { param: "has_upcoming_booking", name: "Upcoming visit", options: UPCOMING, testId: "crm-directory-upcoming" },
  overdue: { param: "has_overdue_invoices", name: "Overdue invoices", options: OVERDUE, testId: "crm-directory-overdue" },
} as const
const yesNo = (key: FilterKey) => (key in YES_NO ? YES_NO[key as keyof typeof YES_NO] : null)
/** The API takes at most this many custom-field filters at once. */
const MAX_CUSTOM = 10
const customKey = (field: string) => `custom:${field}`
const fieldOf = (key: FilterKey) => (key.startsWith("custom:") ? key.slice("custom:".length) : null)

/** The address parameters a filter owns, all set to null: what removing it changes. */
function clearing(key: FilterKey): FilterChanges {
  const field = fieldOf(key)
  if (field) return { [customFilterKey(field)]: null }
  const flag = yesNo(key)
  if (flag) return { [flag.param]: null }
  if (key === "last_visit") return { last_booking_from: null, last_booking_to: null }
  return { [key]: null }
}

/** The filters set in the address, in the menu's order (custom fields as the address lists them). */
function activeKeys(params: URLSearchParams): FilterKey[] {
  const keys: FilterKey[] = []
  if (parseStatuses(params.get("status")).length) keys.push("status")
  if (params.getAll("tag").some(Boolean)) keys.push("tag")
  if (params.get("has_upcoming_booking")) keys.push("upcoming")
  if (params.get("last_booking_from") || params.get("last_booking_to")) keys.push("last_visit")
  if (params.get("has_overdue_invoices")) keys.push("overdue")
  params.forEach((value, name) => {
    if (value && isCustomFilterKey(name)) keys.push(customKey(customFilterField(name)))
  })
  return [...new Set(keys)]
}

type Props = {
  params: URLSearchParams
  update: (changes: FilterChanges) => void
  /** The search box, first in the row. */
  search: ReactNode
  /** Whether there is a filter or a search to clear. */
  canClear: boolean
  onClearAll: () => void
}

/**
 * The directory's filters in the Medusa admin's pattern: a chip for each filter in the address,
 * "Add filter" for the others, "Clear all". Every value lives in the address as before, so links,
 * Back and Export keep working; a filter just added and closed without a value goes away again.
 */
export function DirectoryFilters({ params, update, search, canClear, onClearAll }: Props) {
  const locale = adminLocale()
  const fields = useCustomerFields().data?.custom_fields ?? []
  const active = activeKeys(params)
  // Chips keep their place while staff work on them: the order they were shown in, then any new in the address.
  const [order, setOrder] = useState<FilterKey[]>([])
  const [openKey, setOpenKey] = useState<FilterKey | null>(null)
  // A chip closed without a value stays until its popover has gone: unmounting a modal popover
  // while it animates out can leave the page refusing clicks.
  const [closing, setClosing] = useState<FilterKey | null>(null)
  const shown = [...order.filter((key) => active.includes(key) || key === openKey || key === closing), ...active.filter((key) => !order.includes(key))]

  const add = (key: FilterKey) => {
    setOrder([...shown.filter((existing) => existing !== key), key])
    setOpenKey(key)
  }
  const remove = (key: FilterKey) => {
    setOrder(shown.filter((existing) => existing !== key))
    if (openKey === key) setOpenKey(null)
    update(clearing(key))
  }
  const onOpenChange = (key: FilterKey, open: boolean) => {
    if (open) setOrder(shown)
    else setClosing(key)
    setOpenKey(open ? key : null)
  }
  const clearAll = () => {
    setOrder([])
    setOpenKey(null)
    setClosing(null)
    onClearAll()
  }

  const customCount = active.filter((key) => fieldOf(key)).length
  const groups = [
    { items: FIXED.filter(({ key }) => !shown.includes(key)) },
    {
      heading: "Custom fields",
      items: fields
        .filter((field) => !shown.includes(customKey(field.key)))
        .map((field) => ({ key: customKey(field.key), label: field.label, disabled: customCount >= MAX_CUSTOM })),
    },
  ]

  return (
    <div className="flex min-w-0 flex-wrap items-end gap-2 px-6 py-4" data-testid="crm-directory-filters">
      {search}
      {shown.map((key) => {
        const chip = describeChip(key, params, fields, locale)
        return (
          <FilterChip
            key={key}
            name={chip.name}
            operator={chip.operator}
            value={chip.value}
            open={openKey === key}
            onOpenChange={(open) => onOpenChange(key, open)}
            onRemove={() => remove(key)}
            onClosed={() => setClosing((current) => (current === key ? null : current))}
            testId="crm-directory-filter"
            filterKey={key}
          >
            <FilterEditor filterKey={key} params={params} fields={fields} locale={locale} update={update} />
          </FilterChip>
        )
      })}
      <AddFilterMenu groups={groups} onAdd={add} testId="crm-directory-add-filter" />
      {canClear && <ClearAllFilters onClear={clearAll} testId="crm-directory-clear" />}
    </div>
  )
}

/** A chip's words: its name, the operator and the value (null when the address has none yet). */
function describeChip(
  key: FilterKey,
  params: URLSearchParams,
  fields: AdminCustomField[],
  locale: string
): { name: string; operator?: string; value: string | null } {
  const field = fieldOf(key)
  if (field) {
    const definition = fields.find((candidate) => candidate.key === field)
    const value = params.get(customFilterKey(field))
    return { name: definition?.label ?? field, operator: "is", value: value ? describeCustomValue(definition, value, locale) : null }
  }
  const flag = yesNo(key)
  if (flag) return { name: flag.name, value: flag.options.find((option) => option.value === params.get(flag.param))?.label ?? null }
  switch (key) {
    case "status": {
      const statuses = parseStatuses(params.get("status"))
      return { name: "Status", operator: "is", value: statuses.length ? describeStatuses(statuses) : null }
    }
    case "tag": {
      const tags = params.getAll("tag").filter(Boolean)
      return { name: "Tags", operator: "include", value: tags.length ? describeTags(tags) : null }
    }
    default:
      return { name: "Last visit", value: describeDayRange(params.get("last_booking_from"), params.get("last_booking_to"), locale) }
  }
}

function FilterEditor({
  filterKey,
  params,
  fields,
  locale,
  update,
}: {
  filterKey: FilterKey
  params: URLSearchParams
  fields: AdminCustomField[]
  locale: string
  update: (changes: FilterChanges) => void
}) {
  const field = fieldOf(filterKey)
  if (field) {
    const definition = fields.find((candidate) => candidate.key === field)
    if (!definition) return null
    const param = customFilterKey(field)
    return <CustomFieldEditor field={definition} value={params.get(param) ?? ""} locale={locale} onChange={(value) => update({ [param]: value || null })} />
  }
  const flag = yesNo(filterKey)
  if (flag) {
    return (
      <FilterOptionList
        options={flag.options}
        multiple={false}
        isChecked={(value) => params.get(flag.param) === value}
        onToggle={(value, checked) => update({ [flag.param]: checked ? value : null })}
        label={flag.name}
        testId={flag.testId}
      />
    )
  }
  switch (filterKey) {
    case "status":
      return <StatusEditor selected={parseStatuses(params.get("status"))} onChange={(next) => update({ status: next.join(",") })} />
    case "tag":
      return <TagEditor selected={params.getAll("tag").filter(Boolean)} onChange={(next) => update({ tag: next })} />
    default:
      return <LastVisitEditor from={params.get("last_booking_from")} to={params.get("last_booking_to")} locale={locale} onChange={update} />
  }
}
