import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_LABELS, type ComplaintStatus } from "@fieldservice/contract"
import { Badge, Button, Container, Heading, Label, Select, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { FileGallery } from "../../../components/file-gallery"
import { COMPLAINT_STATUS_COLORS, complaintPhotoUrl, useComplaint, useComplaintChange, useStaffMembers } from "../../../lib/complaints"
import { ResolveDrawer } from "../components/resolve-drawer"

const NOBODY = "nobody"

/** The moves staff make from each status; resolving opens the drawer for its note. */
const NEXT: Record<ComplaintStatus, { to: ComplaintStatus; label: string }[]> = {
  open: [
    { to: "in_progress", label: "Start working on it" },
    { to: "resolved", label: "Resolve" },
    { to: "closed", label: "Close" },
  ],
  in_progress: [
    { to: "resolved", label: "Resolve" },
    { to: "closed", label: "Close" },
  ],
  resolved: [
    { to: "closed", label: "Close" },
    { to: "open", label: "Reopen" },
  ],
  closed: [{ to: "open", label: "Reopen" }],
}

/** One complaint: who and what it is about, the customer's words and photos, who handles it, and its status with the note. */
const ComplaintPage = () => {
  const { id = "" } = useParams()
  const { data, isLoading, error } = useComplaint(id)
  const staff = useStaffMembers()
  const change = useComplaintChange(id)
  const [resolving, setResolving] = useState(false)
  if (isLoading) return <Container>Loading the complaint…</Container>
  if (error || !data) return <Container className="text-ui-fg-error">The complaint could not be loaded: {error?.message}</Container>
  const { complaint } = data

  const move = (to: ComplaintStatus) =>
    change.mutate(
      { kind: "status", status: to },
      {
        onSuccess: () =>
          toast.success(`Complaint ${complaint.number}: ${COMPLAINT_STATUS_LABELS[to]}`, {
            description: "The customer has been told by email and in the portal.",
          }),
        onError: (failure: Error) => toast.error("The status was not changed", { description: failure.message }),
      }
    )
  const assign = (value: string) =>
    change.mutate(
      { kind: "assign", assigned_user_id: value === NOBODY ? null : value },
      {
        onSuccess: (response) => toast.success(response.complaint.assigned_user ? `Assigned to ${response.complaint.assigned_user.name}` : "Unassigned"),
        onError: (failure: Error) => toast.error("The complaint was not assigned", { description: failure.message }),
      }
    )

  return (
    <div className="flex flex-col gap-y-3" data-testid="complaint-page">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-start justify-between gap-4 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <div className="flex items-center gap-x-2">
              <Heading level="h1" data-testid="complaint-number">
                Complaint {complaint.number}
              </Heading>
              <Badge size="2xsmall" color={COMPLAINT_STATUS_COLORS[complaint.status]} data-testid="complaint-status">
                {COMPLAINT_STATUS_LABELS[complaint.status]}
              </Badge>
            </div>
            <Text size="small" className="text-ui-fg-subtle">
              From{" "}
              <Link to={`/customers/${complaint.customer.id}`} className="text-ui-fg-interactive">
                {complaint.customer.name}
              </Link>
              {complaint.customer.email ? ` · ${complaint.customer.email}` : ""} · {COMPLAINT_CATEGORY_LABELS[complaint.category]} ·{" "}
              {complaint.source === "rating" ? "opened by a low rating" : complaint.source === "staff" ? "opened by staff" : "reported in the portal"} ·{" "}
              <span data-testid="complaint-age">
                {complaint.status === "resolved" || complaint.status === "closed" ? `took ${complaint.age}` : `open ${complaint.age}`}
              </span>
            </Text>
            {complaint.booking && (
              <Text size="small" className="text-ui-fg-subtle">
                Visit{" "}
                <Link to={`/bookings/${complaint.booking.id}`} className="text-ui-fg-interactive">
                  {complaint.booking.booking_number}
                </Link>{" "}
                · {complaint.booking.service_title}
              </Text>
            )}
          </div>
          <div className="flex flex-wrap gap-2">
            {NEXT[complaint.status].map((next) => (
              <Button
                key={next.to}
                size="small"
                variant={next.to === "resolved" ? "primary" : "secondary"}
                isLoading={change.isPending && change.variables?.kind === "status" && change.variables.status === next.to}
                onClick={() => (next.to === "resolved" ? setResolving(true) : move(next.to))}
                data-testid={`complaint-to-${next.to}`}
              >
                {next.label}
              </Button>
            ))}
          </div>
        </div>
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Text size="small" weight="plus">
            What the customer said
          </Text>
          <Text size="small" className="whitespace-pre-wrap" data-testid="complaint-description">
            {complaint.description}
          </Text>
        </div>
        {complaint.resolution_note && (
          <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="complaint-resolution">
            <Text size="small" weight="plus">
              Resolution note (the customer sees it)
            </Text>
            <Text size="small" className="whitespace-pre-wrap">
              {complaint.resolution_note}
            </Text>
          </div>
        )}
        <div className="flex flex-wrap items-end gap-3 px-6 py-4">
          <div className="flex w-64 flex-col gap-y-1">
            <Label size="xsmall" htmlFor="complaint-assignee">
              Assigned to
            </Label>
            <Select size="small" value={complaint.assigned_user?.id ?? NOBODY} onValueChange={assign} disabled={change.isPending}>
              <Select.Trigger id="complaint-assignee" data-testid="complaint-assignee">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={NOBODY}>Nobody yet</Select.Item>
                {(staff.data ?? []).map((member) => (
                  <Select.Item key={member.id} value={member.id}>
                    {member.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
        </div>
      </Container>
      <FileGallery
        title="Photos and documents"
        testId="complaint"
        files={complaint.photos.map((photo) => ({ ...photo, url: complaintPhotoUrl(complaint.id, photo.id) }))}
        canChange={false}
        empty="The customer sent no photos or documents."
        upload={async () => undefined}
        remove={async () => undefined}
        removeWarning={() => ""}
      />
      <ResolveDrawer
        open={resolving}
        onOpenChange={setResolving}
        number={complaint.number}
        pending={change.isPending}
        onResolve={(note) =>
          change.mutate(
            { kind: "status", status: "resolved", note },
            {
              onSuccess: () => {
                setResolving(false)
                toast.success(`Complaint ${complaint.number} resolved`, { description: "The customer has your note by email and in the portal." })
              },
              onError: (failure: Error) => toast.error("The complaint was not resolved", { description: failure.message }),
            }
          )
        }
      />
    </div>
  )
}

export default ComplaintPage
