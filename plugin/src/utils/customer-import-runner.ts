import type { ICustomerModuleService, IFileModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { CUSTOM_FIELDS_MODULE, type CustomFieldsModuleService } from "../modules/custom-fields"
import { CUSTOMER_IMPORT_MODULE, type CustomerImportModuleService } from "../modules/customer-import"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../modules/customer-profile"
import { RESTORE_WINDOW_MS } from "@fieldservice/contract"
import { importCustomerBatchWorkflow } from "../workflows/customer-import/import-batch"
import type { BatchRow } from "../workflows/customer-import/steps/existing-customer-writes"
import { CsvEncodingError, isBadRecord, readCsv } from "./csv-reader"
import { type ImportHeader, type ImportRow, MAX_IMPORT_RECORD_CHARS, readImportHeader, readImportRow, type RowContext } from "./customer-import-rows"
import { analyzeNewCustomerTables } from "./new-customer-rows"

/** Rows written per batch: one workflow run, a handful of bulk writes. */
export const IMPORT_BATCH_SIZE = Number(process.env.CUSTOMER_IMPORT_BATCH_SIZE) || 1000
/** Batches written at the same time. */
export const IMPORT_PARALLEL_BATCHES = Math.max(1, Number(process.env.CUSTOMER_IMPORT_PARALLEL_BATCHES) || 2)
/** New customers up to which the tables' statistics are refreshed as the import goes (see analyzeNewCustomerTables). */
const ANALYZE_UNTIL = 16 * IMPORT_BATCH_SIZE
/** Heartbeat while a failing batch is split up to find its bad rows. */
const HEARTBEAT_EVERY_MS = 15_000

type Pending = { row: ImportRow; cells: string[] }
type Rejection = { line: number; reason: string; cells: string[] }
type Counts = { processed: number; created: number; updated: number; skipped: number; rejected: number }
export type ImportOutcome = { status: "completed" | "failed"; error?: string }

const zero = (): Counts => ({ processed: 0, created: 0, updated: 0, skipped: 0, rejected: 0 })

/** Why a row's write failed, for the report (workflow errors arrive as plain objects as well as Errors). */
function reasonFor(error: unknown): string {
  const { message, type } = (typeof error === "object" && error !== null ? error : { message: String(error) }) as { message?: unknown; type?: unknown }
  const text = typeof message === "string" ? message : String(error)
  if (type === MedusaError.Types.INVALID_DATA || type === MedusaError.Types.NOT_FOUND) return text
  if (/duplicate key|unique/i.test(text)) return "Could not be saved: a customer with this email was added while the import ran"
  return `Could not be saved: ${text.slice(0, 500)}`
}

/**
 * Imports the uploaded file of an import job, streaming it from the File module a chunk at a
 * time: rows are checked one by one and written in batches; a batch that fails is split until
 * the rows that can't be written are found, so every other row still goes in. Progress and
 * rejected rows are stored after each batch. Never throws: a failure is recorded on the job.
 */
export async function runCustomerImport(container: MedusaContainer, importId: string): Promise<ImportOutcome> {
  const imports: CustomerImportModuleService = container.resolve(CUSTOMER_IMPORT_MODULE)
  const files: IFileModuleService = container.resolve(Modules.FILE)
  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const job = await imports.retrieveCustomerImport(importId)

  const finish = async (outcome: ImportOutcome) => {
    await imports.updateCustomerImports({
      id: importId,
      status: outcome.status,
      error: outcome.error ?? null,
      finished_at: new Date(),
      heartbeat_at: new Date(),
      file_key: null,
    })
    if (job.file_key) await files.deleteFiles(job.file_key).catch(() => undefined)
    return outcome
  }

  let writer: BatchWriter | undefined
  try {
    if (!job.file_key) return await finish({ status: "failed", error: "The uploaded file is no longer there; upload it again." })
    const customFields: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const definitions = await customFields.listDefinitions({ target_type: "customer" })
    const { tags } = await profiles.listTagsInUse(undefined, { limit: 10_000, offset: 0 })
    const context: RowContext = { definitions, tagSpelling: new Map(tags.map((tag) => [tag.value.toLowerCase(), tag.value])) }
    const batch = new BatchWriter(container, job)
    writer = batch

    let header: ImportHeader | null = null
    /** Emails of the rows accepted so far, with their line, to spot the same customer twice in the file. */
    const seen = new Map<string, number>()
    const stream = await files.getDownloadStream(job.file_key)
    for await (const records of readCsv(stream, MAX_IMPORT_RECORD_CHARS)) {
      for (const record of records) {
        if (!header) {
          if (isBadRecord(record)) return await finish({ status: "failed", error: `The header row can't be read: ${record.error}` })
          const read = readImportHeader(
            record.cells,
            definitions.map((definition) => definition.key)
          )
          if (!read.ok) return await finish({ status: "failed", error: read.message })
          header = read.header
          continue
        }
        if (isBadRecord(record)) {
          batch.reject({ line: record.line, reason: record.error, cells: [] })
        } else if (record.cells.every((cell) => cell.trim() === "")) {
          // A line of empty cells (",,,"), as spreadsheets leave at the end: not a customer.
          continue
        } else {
          const read = readImportRow(header, record.line, record.cells, context)
          if (!read.ok) batch.reject({ line: record.line, reason: read.reason, cells: record.cells })
          else if (seen.has(read.row.email)) {
            batch.reject({
              line: record.line,
              reason: `The email ${read.row.email} is already on line ${seen.get(read.row.email)} of this file`,
              cells: record.cells,
            })
          } else {
            seen.set(read.row.email, record.line)
            for (const tag of read.row.profile.tags ?? []) if (!context.tagSpelling.has(tag.toLowerCase())) context.tagSpelling.set(tag.toLowerCase(), tag)
            batch.add({ row: read.row, cells: record.cells })
          }
        }
        if (batch.full) await batch.flush()
      }
    }
    if (!header) return await finish({ status: "failed", error: "The file is empty." })
    await batch.flush()
    await batch.drain()
    return await finish({ status: "completed" })
  } catch (error) {
    await writer?.drain().catch(() => undefined)
    logger.error(`Customer import ${importId} failed: ${error instanceof Error ? error.stack : String(error)}`)
    const message =
      error instanceof CsvEncodingError
        ? error.message
        : `The import stopped: ${error instanceof Error ? error.message : String(error)}. The rows counted were imported.`
    return await finish({ status: "failed", error: message }).catch(() => ({ status: "failed" as const, error: message }))
  }
}

/** A batch on its way: its rows, its rejections and its counts, written together. */
type Batch = { pending: Pending[]; rejections: Rejection[]; counts: Counts }

const newBatch = (): Batch => ({ pending: [], rejections: [], counts: zero() })

/**
 * Collects checked rows and rejections, and writes them a batch at a time. Up to
 * IMPORT_PARALLEL_BATCHES batches are written at once (their emails never overlap: a repeated
 * email is rejected before it gets here), so reading the file and the database's work overlap.
 */
class BatchWriter {
  private batch = newBatch()
  private readonly inFlight = new Set<Promise<void>>()
  private lastBeat = Date.now()
  /** Customers created so far, and at how many the tables' statistics are next refreshed. */
  private created = 0
  private analyzeAt = IMPORT_BATCH_SIZE
  private readonly imports: CustomerImportModuleService
  private readonly customers: ICustomerModuleService

  constructor(
    private readonly container: MedusaContainer,
    private readonly job: { id: string; filename: string; update_existing: boolean; actor: string | null; actor_id: string | null }
  ) {
    this.imports = container.resolve(CUSTOMER_IMPORT_MODULE)
    this.customers = container.resolve(Modules.CUSTOMER)
  }

  get full() {
    return this.batch.pending.length + this.batch.rejections.length >= IMPORT_BATCH_SIZE
  }

  add(item: Pending) {
    this.batch.pending.push(item)
    this.batch.counts.processed++
  }

  reject(rejection: Rejection) {
    this.batch.rejections.push(rejection)
    this.batch.counts.processed++
    this.batch.counts.rejected++
  }

  /** Sends the current batch on its way; waits while the most batches allowed are being written. */
  async flush() {
    const batch = this.batch
    this.batch = newBatch()
    const task = this.writeBatch(batch)
    this.inFlight.add(task)
    void task.then(
      () => this.inFlight.delete(task),
      () => this.inFlight.delete(task)
    )
    while (this.inFlight.size >= IMPORT_PARALLEL_BATCHES) await Promise.race(this.inFlight)
  }

  /** Waits for every batch sent; the first failure is thrown once all have stopped. */
  async drain() {
    const results = await Promise.allSettled([...this.inFlight])
    const failed = results.find((result): result is PromiseRejectedResult => result.status === "rejected")
    if (failed) throw failed.reason
  }

  private async writeBatch(batch: Batch) {
    if (batch.pending.length) {
      const rows = await this.match(batch)
      if (rows.length) await this.write(batch, rows)
    }
    if (batch.rejections.length) {
      await this.imports.createCustomerImportRejections(batch.rejections.map((rejection) => ({ ...rejection, customer_import_id: this.job.id })) as never)
    }
    await this.imports.addProgress(this.job.id, batch.counts)
    this.lastBeat = Date.now()
    // After the first batch, then at four and sixteen times as many: by then the statistics
    // know the tables hold thousands of rows, and the plans (index lookups) stay as they are.
    this.created += batch.counts.created
    if (this.created >= this.analyzeAt && this.analyzeAt <= ANALYZE_UNTIL) {
      this.analyzeAt = this.created * 4
      await analyzeNewCustomerTables(this.container)
    }
  }

  /**
   * Finds the customers the rows' emails already belong to: those rows update them (or are
   * skipped, as staff chose). A customer deleted within the restore window is not imported again.
   */
  private async match(batch: Batch): Promise<(BatchRow & { cells: string[] })[]> {
    const emails = [...new Set(batch.pending.flatMap(({ row }) => [row.email, row.typed_email]))]
    const found = await this.customers.listCustomers({ email: emails }, { select: ["id", "email", "has_account", "deleted_at"], withDeleted: true, take: null })
    const byEmail = new Map<string, typeof found>()
    for (const customer of found) {
      const key = (customer.email ?? "").toLowerCase()
      byEmail.set(key, [...(byEmail.get(key) ?? []), customer])
    }
    const rows: (BatchRow & { cells: string[] })[] = []
    for (const { row, cells } of batch.pending) {
      const matches = byEmail.get(row.email) ?? []
      const live = matches.filter((customer) => !customer.deleted_at).sort((a, b) => Number(b.has_account) - Number(a.has_account))
      const recentlyDeleted = matches.find((customer) => customer.deleted_at && Date.now() - new Date(customer.deleted_at).getTime() < RESTORE_WINDOW_MS)
      if (live.length) {
        if (this.job.update_existing) rows.push({ row, customer_id: live[0].id, cells })
        else batch.counts.skipped++
      } else if (recentlyDeleted) {
        rejectLater(batch, {
          line: row.line,
          reason: `A customer with this email was deleted on ${new Date(recentlyDeleted.deleted_at!).toISOString().slice(0, 10)}; restore them from the deleted customers list instead of importing them again`,
          cells,
        })
      } else {
        rows.push({ row, cells })
      }
    }
    return rows
  }

  /** Writes the rows in one workflow run; when that fails, each half on its own, down to single rows, which are rejected. */
  private async write(batch: Batch, rows: (BatchRow & { cells: string[] })[]): Promise<void> {
    try {
      const { result } = await importCustomerBatchWorkflow(this.container).run({
        input: {
          import_id: this.job.id,
          filename: this.job.filename,
          actor: { id: this.job.actor_id ?? null, email: this.job.actor },
          new_rows: JSON.stringify(rows.filter((item) => !item.customer_id).map((item) => item.row)),
          existing_rows: rows.flatMap(({ row, customer_id }) => (customer_id ? [{ row, customer_id }] : [])),
        },
      })
      for (const saved of result) {
        if (saved.created) batch.counts.created++
        else batch.counts.updated++
      }
    } catch (error) {
      if (rows.length === 1) {
        rejectLater(batch, { line: rows[0].row.line, reason: reasonFor(error), cells: rows[0].cells })
        return
      }
      if (Date.now() - this.lastBeat > HEARTBEAT_EVERY_MS) {
        await this.imports.addProgress(this.job.id, zero())
        this.lastBeat = Date.now()
      }
      const middle = Math.ceil(rows.length / 2)
      await this.write(batch, rows.slice(0, middle))
      await this.write(batch, rows.slice(middle))
    }
  }
}

/** A row turned down after it was counted as read (already there and deleted, or its write failed). */
function rejectLater(batch: Batch, rejection: Rejection) {
  batch.rejections.push(rejection)
  batch.counts.rejected++
}
