import { ArrowDownTray } from "@medusajs/icons"
import { Alert, Badge, Button, Container, Heading, Label, RadioGroup, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useRef, useState } from "react"
import { Link } from "react-router-dom"
import { importQueryKeys, rejectedRowsUrl, startImport, TEMPLATE_URL, useCustomerImport, useRecentImports } from "../../../lib/customer-import"
import type { AdminCustomerImport as CustomerImport } from "@fieldservice/contract"

const number = (value: number) => value.toLocaleString()
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })

const STATUS: Record<CustomerImport["status"], { label: string; color: "blue" | "green" | "red" }> = {
  processing: { label: "Importing", color: "blue" },
  completed: { label: "Finished", color: "green" },
  failed: { label: "Stopped", color: "red" },
}

const StatusBadge = ({ job }: { job: CustomerImport }) => (
  <Badge size="2xsmall" color={STATUS[job.status].color} data-testid="import-status">
    {STATUS[job.status].label}
  </Badge>
)

/** A link that downloads (the admin's session cookie goes with it). */
const DownloadLink = ({ href, children, testId }: { href: string; children: React.ReactNode; testId: string }) => (
  <Button variant="secondary" size="small" asChild>
    <a href={href} download data-testid={testId}>
      <ArrowDownTray />
      {children}
    </a>
  </Button>
)

const Count = ({ label, value, testId }: { label: string; value: number; testId: string }) => (
  <div className="flex flex-col gap-y-1 rounded-lg border px-4 py-3">
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="xlarge" weight="plus" data-testid={testId}>
      {number(value)}
    </Text>
  </div>
)

/** The chosen import: live progress while it runs, then its report. */
function ImportReport({ id }: { id: string }) {
  const { data, error } = useCustomerImport(id)
  if (error) return <Alert variant="error">{error.message}</Alert>
  const job = data?.import
  if (!job) return null
  const share = job.total_rows ? Math.min(100, Math.round((job.processed_rows / job.total_rows) * 100)) : 0
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="import-report">
      <div className="flex items-center justify-between gap-x-4">
        <div className="flex flex-col">
          <Heading level="h2">{job.filename}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Started {when(job.created_at)}
            {job.actor ? ` by ${job.actor}` : ""} · existing customers {job.update_existing ? "updated" : "skipped"}
          </Text>
        </div>
        <StatusBadge job={job} />
      </div>
      <div className="flex flex-col gap-y-2">
        <div
          className="bg-ui-bg-subtle h-2 w-full overflow-hidden rounded-full"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={share}
          aria-label="Import progress"
        >
          <div className="bg-ui-fg-interactive h-full transition-all" style={{ width: `${job.status === "completed" ? 100 : share}%` }} />
        </div>
        <Text size="small" data-testid="import-progress">
          {number(job.processed_rows)} of {number(job.total_rows)} rows read
          {job.status === "processing" ? "…" : "."}
        </Text>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Count label="Created" value={job.created_count} testId="import-created" />
        <Count label="Updated" value={job.updated_count} testId="import-updated" />
        <Count label="Skipped (already there)" value={job.skipped_count} testId="import-skipped" />
        <Count label="Rejected" value={job.rejected_count} testId="import-rejected" />
      </div>
      {job.error && (
        <Alert variant="error" data-testid="import-error">
          {job.error}
        </Alert>
      )}
      {job.rejected_count > 0 && (
        <div className="flex items-center justify-between gap-x-4">
          <Text size="small" className="text-ui-fg-subtle">
            The rejected rows file lists each row's line in your file, the reason, and the row as it was. Fix them there and import that file.
          </Text>
          <DownloadLink href={rejectedRowsUrl(job.id)} testId="import-download-rejected">
            Download rejected rows
          </DownloadLink>
        </div>
      )}
    </Container>
  )
}

function RecentImports({ selected, onSelect }: { selected: string | null; onSelect: (id: string) => void }) {
  const { data, isLoading, error } = useRecentImports()
  return (
    <Container className="divide-y p-0" data-testid="recent-imports">
      <div className="px-6 py-4">
        <Heading level="h2">Recent imports</Heading>
      </div>
      {error ? (
        <div className="px-6 py-4">
          <Alert variant="error">{error.message}</Alert>
        </div>
      ) : isLoading ? (
        <Text className="text-ui-fg-subtle px-6 py-4">Loading…</Text>
      ) : !data?.imports.length ? (
        <Text className="text-ui-fg-subtle px-6 py-4">No imports yet.</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>File</Table.HeaderCell>
              <Table.HeaderCell>Started</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Created</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Updated</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Skipped</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Rejected</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.imports.map((job) => (
              <Table.Row
                key={job.id}
                className={`cursor-pointer ${job.id === selected ? "bg-ui-bg-highlight" : ""}`}
                onClick={() => onSelect(job.id)}
                data-testid="recent-import-row"
              >
                <Table.Cell>{job.filename}</Table.Cell>
                <Table.Cell>
                  {when(job.created_at)}
                  {job.actor ? (
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {job.actor}
                    </Text>
                  ) : null}
                </Table.Cell>
                <Table.Cell>
                  <StatusBadge job={job} />
                </Table.Cell>
                <Table.Cell className="text-right">{number(job.created_count)}</Table.Cell>
                <Table.Cell className="text-right">{number(job.updated_count)}</Table.Cell>
                <Table.Cell className="text-right">{number(job.skipped_count)}</Table.Cell>
                <Table.Cell className="text-right">{number(job.rejected_count)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

/**
 * CRM → Import customers (/app/crm/import): the template, the upload with the choice of what
 * happens to customers who are already there, the running import's progress and its report.
 */
const CustomerImportPage = () => {
  const queryClient = useQueryClient()
  const input = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const [existing, setExisting] = useState<"skip" | "update">("skip")
  const [selected, setSelected] = useState<string | null>(null)

  const start = useMutation({
    mutationFn: () => startImport(file!, existing === "update"),
    onSuccess: async (job) => {
      toast.success(`Importing ${job.filename}`)
      setSelected(job.id)
      setFile(null)
      if (input.current) input.current.value = ""
      queryClient.setQueryData(importQueryKeys.detail(job.id), { import: job })
      await queryClient.invalidateQueries({ queryKey: importQueryKeys.list })
    },
  })

  return (
    <div className="flex flex-col gap-y-4" data-testid="customer-import-page">
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <div className="flex items-start justify-between gap-x-4">
          <div className="flex flex-col gap-y-1">
            <Heading level="h1">Import customers</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Upload a CSV file (UTF-8, up to 100,000 customers). Keep the template's column names; lists such as tags are separated by “;”. Each row is
              imported whole or not at all; rejected rows are listed with the reason afterwards.
            </Text>
          </div>
          <div className="flex shrink-0 gap-x-2">
            <Button variant="transparent" size="small" asChild>
              <Link to="/crm">Customer directory</Link>
            </Button>
            <DownloadLink href={TEMPLATE_URL} testId="import-template-link">
              Download template
            </DownloadLink>
          </div>
        </div>

        <form
          className="flex flex-col gap-y-4"
          onSubmit={(event) => {
            event.preventDefault()
            if (file) start.mutate()
          }}
        >
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="import-file" weight="plus">
              CSV file
            </Label>
            <input
              id="import-file"
              ref={input}
              type="file"
              accept=".csv,text/csv"
              className="txt-small text-ui-fg-base file:bg-ui-button-neutral file:text-ui-fg-base file:mr-3 file:rounded-md file:border file:px-3 file:py-1"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null)
                start.reset()
              }}
              data-testid="import-file-input"
            />
          </div>
          <fieldset className="flex flex-col gap-y-2">
            <legend className="txt-compact-small-plus text-ui-fg-base">When a customer with the same email is already there</legend>
            <RadioGroup value={existing} onValueChange={(value) => setExisting(value as "skip" | "update")} className="flex flex-col gap-y-2">
              <div className="flex items-center gap-x-2">
                <RadioGroup.Item value="skip" id="existing-skip" data-testid="import-existing-skip" />
                <Label htmlFor="existing-skip">Skip the row (leave the customer as they are)</Label>
              </div>
              <div className="flex items-center gap-x-2">
                <RadioGroup.Item value="update" id="existing-update" data-testid="import-existing-update" />
                <Label htmlFor="existing-update">Update the customer with the row's filled cells (empty cells change nothing)</Label>
              </div>
            </RadioGroup>
          </fieldset>
          {start.error && (
            <Alert variant="error" data-testid="import-upload-error">
              {start.error.message}
            </Alert>
          )}
          <div>
            <Button type="submit" size="small" disabled={!file} isLoading={start.isPending} data-testid="import-start">
              Start import
            </Button>
          </div>
        </form>
      </Container>

      {selected && <ImportReport id={selected} />}
      <RecentImports selected={selected} onSelect={setSelected} />
    </div>
  )
}

export default CustomerImportPage
