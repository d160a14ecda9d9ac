import { Button, Container, Heading, Label, Select, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { ApiError, adminFetch, describeAreas, useFieldworkers } from "../../../../lib/bookings"
import { useBookingSaved } from "./use-booking-saved"
import type { AdminBooking, AdminBookingResponse as BookingResponse } from "@fieldservice/contract"

export function FieldworkerSection({ booking }: { booking: AdminBooking }) {
  const prompt = usePrompt()
  const saved = useBookingSaved()
  const { data } = useFieldworkers()
  const current = booking.fieldworker
  const [choice, setChoice] = useState("")
  const [error, setError] = useState<string | null>(null)
  // Who did a completed visit (or was to do a cancelled one) stays on record; the API refuses changes too.
  const open = booking.status !== "cancelled" && booking.status !== "completed"
  const candidates = (data?.fieldworkers ?? []).filter((fieldworker) => fieldworker.active && fieldworker.id !== current?.id)

  const assign = useMutation({
    mutationFn: (body: { fieldworker_id: string | null; outside_area?: boolean }) =>
      adminFetch<BookingResponse>(`/admin/bookings/${booking.id}/fieldworker`, { body }),
    onSuccess: async (response) => {
      const assigned = response.booking.fieldworker
      toast.success(assigned ? `${assigned.name} assigned` : "Fieldworker unassigned")
      setChoice("")
      setError(null)
      await saved(response)
    },
  })

  const submit = async (body: { fieldworker_id: string | null; outside_area?: boolean }) => {
    setError(null)
    try {
      await assign.mutateAsync(body)
    } catch (caught) {
      // Outside their areas: staff decide (someone covering); anything else is a no.
      if (caught instanceof ApiError && caught.code === "fieldworker_outside_area" && body.fieldworker_id) {
        const confirmed = await prompt({
          title: "Outside their areas",
          description: caught.message,
          confirmText: "Assign anyway",
          cancelText: "Choose someone else",
        })
        if (confirmed) return submit({ ...body, outside_area: true })
        return
      }
      const message = caught instanceof Error ? caught.message : "The fieldworker could not be assigned."
      setError(message)
      toast.error(message)
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="booking-fieldworker">
      <div className="px-6 py-4">
        <Heading level="h2">Fieldworker</Heading>
      </div>
      <div className="flex flex-col gap-y-1 px-6 py-4" data-testid="booking-fieldworker-current">
        {current ? (
          <>
            <Text size="small" weight="plus" data-testid="booking-fieldworker-name">
              {current.name}
              {current.removed && " (removed)"}
              {!current.removed && !current.active && " (inactive)"}
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              {[current.phone, current.email].filter(Boolean).join(" · ")}
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              Areas: {describeAreas(current.service_areas)}
            </Text>
            {current.covers_postcode === false && (
              <Text size="small" className="text-ui-fg-error" data-testid="booking-fieldworker-outside">
                {booking.postcode} is outside their areas.
              </Text>
            )}
          </>
        ) : (
          <Text size="small" className="text-ui-fg-subtle" data-testid="booking-fieldworker-none">
            Nobody is assigned yet.
          </Text>
        )}
      </div>
      {!open && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="booking-fieldworker-locked">
          This visit is {booking.status}, so its fieldworker stays as recorded.
        </Text>
      )}
      {open && (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Label size="small" weight="plus" htmlFor="booking-fieldworker-select">
            {current ? "Reassign to" : "Assign"}
          </Label>
          <div className="flex gap-x-2">
            <div className="min-w-0 flex-1">
              <Select size="small" value={choice} onValueChange={setChoice}>
                <Select.Trigger id="booking-fieldworker-select" data-testid="booking-fieldworker-select">
                  <Select.Value placeholder="Choose a fieldworker" />
                </Select.Trigger>
                <Select.Content>
                  {candidates.map((fieldworker) => (
                    <Select.Item key={fieldworker.id} value={fieldworker.id}>
                      {fieldworker.name} · {describeAreas(fieldworker.service_areas)}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </div>
            <Button
              size="small"
              variant="secondary"
              disabled={!choice || assign.isPending}
              isLoading={assign.isPending && !!assign.variables?.fieldworker_id}
              onClick={() => submit({ fieldworker_id: choice })}
              data-testid="booking-fieldworker-assign"
            >
              Assign
            </Button>
          </div>
          {candidates.length === 0 && data && (
            <Text size="small" className="text-ui-fg-subtle">
              No other active fieldworkers. Add them under{" "}
              <Link to="/settings/fieldworkers" className="text-ui-fg-interactive">
                Settings → Fieldworkers
              </Link>
              .
            </Text>
          )}
          {error && (
            <Text size="small" className="text-ui-fg-error" role="alert" data-testid="booking-fieldworker-error">
              {error}
            </Text>
          )}
          {current && (
            <div>
              <Button
                size="small"
                variant="transparent"
                onClick={() => submit({ fieldworker_id: null })}
                disabled={assign.isPending}
                data-testid="booking-fieldworker-unassign"
              >
                Unassign {current.name}
              </Button>
            </div>
          )}
        </div>
      )}
    </Container>
  )
}
