import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Input, Select, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { EntryDrawer, FormField } from "../components/entry-drawer"
import { sdk } from "../lib/sdk"
import {
  type DayHours,
  type NewServiceForm,
  type ServiceForm,
  SERVICE_LABELS,
  saveService,
  serviceQueryKey,
  servicePath,
  toServiceBody,
  toServiceForm,
  useProductService,
  useStoreCurrencies,
} from "../lib/service"
import { DependentTypesField } from "./product-service/dependent-types-field"
import { OpeningHoursEditor } from "./product-service/opening-hours-editor"
import { ServiceSummary } from "./product-service/service-summary"
import type { AdminServiceDeleteResponse as RemoveServiceResponse, AdminUpdateService as ServiceInput } from "@fieldservice/contract"

/**
 * The product as a bookable service: how long a visit takes, its "from" price (the cheapest
 * option's, never typed separately), where and when customers can book it on the portal (areas, arrival windows, teams per window, opening hours).
 * Staff make a product bookable, edit its settings, or stop offering it as a service.
 */
const ProductServiceWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const { data, isLoading, error } = useProductService(product.id)
  const currencies = useStoreCurrencies()
  const [drawer, setDrawer] = useState<"new" | "edit" | null>(null)
  const openDrawer = (next: "new" | "edit") => setDrawer(next)

  const refresh = () => queryClient.invalidateQueries({ queryKey: serviceQueryKey(product.id) })

  // Save errors are shown in the drawer (inline and toasted); the drawer stays open.
  const save = useMutation({
    mutationFn: (body: ServiceInput) => saveService(product.id, body),
    onSuccess: async ({ service }) => {
      const wasService = Boolean(data?.service)
      toast.success(
        wasService
          ? "Service settings saved"
          : service.working_hours.length
            ? `${product.title} is now a bookable service`
            : `${product.title} is now a bookable service. Add opening hours so customers can book it.`
      )
      await refresh()
    },
  })

  const remove = useMutation({
    mutationFn: () => sdk.client.fetch<RemoveServiceResponse>(servicePath(product.id), { method: "DELETE" }),
    onSuccess: async () => {
      toast.success(`${product.title} is no longer offered as a service`)
      await refresh()
    },
    onError: (error: Error) => toast.error(error.message),
  })

  const confirmRemove = async () => {
    const confirmed = await prompt({
      variant: "danger",
      title: "Stop offering as a service?",
      description: `Customers will no longer be able to book “${product.title}” on the portal. Bookings already made are kept, and the product stays in your catalogue.`,
      confirmText: "Stop offering",
      cancelText: "Cancel",
    })
    if (confirmed) remove.mutate()
  }

  const service = data?.service ?? null
  const timeZone = data?.time_zone ?? ""

  return (
    <Container className="divide-y p-0" data-testid="product-service-widget">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h2">Bookable service</Heading>
          {service && (
            <Badge size="2xsmall" color="green" data-testid="product-service-status">
              Bookable
            </Badge>
          )}
        </div>
        {service && (
          <Button size="small" variant="secondary" onClick={() => openDrawer("edit")} data-testid="product-service-edit">
            Edit
          </Button>
        )}
      </div>

      {isLoading && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          Loading…
        </Text>
      )}
      {error && (
        <Text size="small" className="px-6 py-4 text-ui-fg-error" data-testid="product-service-load-error">
          The service settings could not be loaded: {error.message}
        </Text>
      )}

      {data && !service && (
        <div className="flex flex-col items-start gap-y-3 px-6 py-4" data-testid="product-service-none">
          <Text size="small" className="text-ui-fg-subtle">
            This product is not a bookable service, so customers can’t book it on the portal. Make it bookable to give it a duration, the areas it’s offered in
            and its opening hours; its “from” price is its cheapest option’s.
          </Text>
          <Button size="small" variant="secondary" onClick={() => openDrawer("new")} data-testid="product-service-make-bookable">
            Make bookable
          </Button>
        </div>
      )}

      {service && <ServiceSummary service={service} timeZone={timeZone} />}

      {service && (
        <div className="px-6 py-4">
          <Button size="small" variant="danger" onClick={confirmRemove} isLoading={remove.isPending} data-testid="product-service-remove">
            Stop offering as a service
          </Button>
        </div>
      )}

      <EntryDrawer<NewServiceForm, ServiceInput>
        testIdPrefix="product-service-new"
        open={drawer === "new"}
        onOpenChange={(open) => setDrawer(open ? "new" : null)}
        isNew
        title="Make bookable"
        description="Customers book services on the portal. You can set its areas, arrival windows and opening hours next."
        initialValues={{ duration_minutes: "60", currency_code: currencies.data?.[0] ?? "GBP" }}
        toBody={toServiceBody}
        onSave={(body) => save.mutateAsync(body)}
        isSaving={save.isPending}
        errorFallback="The product could not be made bookable."
      >
        {(input, { values, setValue, fieldId }) => (
          <>
            <FormField name="duration_minutes" label={SERVICE_LABELS.duration_minutes} hint="How long a visit takes.">
              <Input type="number" min={5} step={5} autoComplete="off" {...input("duration_minutes")} />
            </FormField>
            <CurrencyField
              id={fieldId("currency_code")}
              value={values.currency_code}
              onChange={(code) => setValue("currency_code", code)}
              currencies={currencies.data ?? []}
            />
          </>
        )}
      </EntryDrawer>

      {service && (
        <EntryDrawer<ServiceForm, ServiceInput>
          testIdPrefix="product-service"
          open={drawer === "edit"}
          onOpenChange={(open) => setDrawer(open ? "edit" : null)}
          isNew={false}
          title="Edit bookable service"
          description={`What customers see and when they can book on the portal. Times are in the business’s time zone (${timeZone}).`}
          initialValues={toServiceForm(service)}
          toBody={toServiceBody}
          onSave={(body) => save.mutateAsync(body)}
          isSaving={save.isPending}
          errorFallback="The service settings could not be saved."
        >
          {(input, { values, setValue, fieldId }) => (
            <>
              <FormField name="duration_minutes" label={SERVICE_LABELS.duration_minutes} hint="How long a visit takes.">
                <Input type="number" min={5} step={5} autoComplete="off" {...input("duration_minutes")} />
              </FormField>
              <CurrencyField
                id={fieldId("currency_code")}
                value={values.currency_code}
                onChange={(code) => setValue("currency_code", code)}
                currencies={currencies.data ?? []}
              />
              <FormField name="summary" label={SERVICE_LABELS.summary} hint="One line on the portal’s list of services (up to 300 characters).">
                <Textarea rows={2} {...input("summary")} />
              </FormField>
              <FormField
                name="service_areas"
                label={SERVICE_LABELS.service_areas}
                hint="Postcode areas or districts, separated by commas, e.g. BS, BA1. Leave empty to offer it everywhere."
              >
                <Input autoComplete="off" placeholder="Everywhere" {...input("service_areas")} />
              </FormField>
              <div className="grid grid-cols-2 gap-x-4 gap-y-4">
                <FormField name="window_minutes" label={SERVICE_LABELS.window_minutes} hint="Customers pick a window to arrive in.">
                  <Input type="number" min={15} step={15} autoComplete="off" {...input("window_minutes")} />
                </FormField>
                <FormField name="capacity" label={SERVICE_LABELS.capacity} hint="Bookings one window can take.">
                  <Input type="number" min={1} autoComplete="off" {...input("capacity")} />
                </FormField>
                <FormField name="lead_time_hours" label={SERVICE_LABELS.lead_time_hours} hint="Minimum notice.">
                  <Input type="number" min={0} autoComplete="off" {...input("lead_time_hours")} />
                </FormField>
                <FormField name="horizon_days" label={SERVICE_LABELS.horizon_days} hint="How far ahead customers can book.">
                  <Input type="number" min={1} autoComplete="off" {...input("horizon_days")} />
                </FormField>
              </div>
              <DependentTypesField
                id={fieldId("dependent_type_ids")}
                selected={JSON.parse(values.dependent_type_ids) as string[]}
                onChange={(ids) => setValue("dependent_type_ids", JSON.stringify(ids))}
              />
              <OpeningHoursEditor
                id={fieldId("working_hours")}
                timeZone={timeZone}
                days={JSON.parse(values.working_hours) as DayHours[]}
                onChange={(days) => setValue("working_hours", JSON.stringify(days))}
              />
            </>
          )}
        </EntryDrawer>
      )}
    </Container>
  )
}

/** The currency the options are priced in: one of the store's (Settings → Store). */
function CurrencyField({ id, value, onChange, currencies }: { id: string; value: string; onChange: (code: string) => void; currencies: string[] }) {
  // A service saved before in a currency the store no longer has still shows it, so it can be changed.
  const choices = currencies.includes(value) ? currencies : [value, ...currencies]
  return (
    <FormField name="currency_code" label={SERVICE_LABELS.currency_code} hint="The “from” price is the cheapest option’s price in this currency.">
      <Select value={value} onValueChange={onChange}>
        <Select.Trigger id={id} data-testid={id}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {choices.map((code) => (
            <Select.Item key={code} value={code}>
              {code}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </FormField>
  )
}

export const config = defineWidgetConfig({
  // First on the page (migration-scripts/product-page-layout.ts): what the office looks for first.
  id: "product-service",
  zone: "product.details.before",
})

export default ProductServiceWidget
