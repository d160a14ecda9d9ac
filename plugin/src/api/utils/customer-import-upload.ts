import { randomUUID } from "node:crypto"
import type { Writable } from "node:stream"
import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IFileModuleService, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import multer from "multer"
import { CUSTOM_FIELDS_MODULE, type CustomFieldsModuleService } from "../../modules/custom-fields"
import { CsvEncodingError, type CsvRow, CsvTextReader, isBadRecord } from "../../utils/csv-reader"
import { runningImportConflict } from "../../utils/customer-import-jobs"
import { MAX_IMPORT_BYTES, MAX_IMPORT_RECORD_CHARS, MAX_IMPORT_ROWS, readImportHeader } from "../../utils/customer-import-rows"
import { answerConflict } from "./conflict"

/** The uploaded file, checked and stored in the File module, ready for the import job. */
export type CustomerImportFile = {
  filename: string
  file_key: string
  size: number
  header: string[]
  total_rows: number
}

export type CustomerImportUploadRequest = AuthenticatedMedusaRequest & {
  customerImportFile: CustomerImportFile
  validatedBody: CustomerImportStartType
}

/** The form's other field: "update existing customers" (a checkbox, so "true"/"on"/"yes" or absent). */
export const CustomerImportStart = z.object({
  update_existing: z
    .union([z.boolean(), z.string()], { error: "update_existing must be true or false" })
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || typeof value === "boolean") return value ?? false
      const word = value.trim().toLowerCase()
      if (["true", "yes", "on", "1"].includes(word)) return true
      if (["false", "no", "off", "0", ""].includes(word)) return false
      ctx.addIssue({ code: "custom", message: "update_existing must be true or false" })
      return z.NEVER
    }),
})
export type CustomerImportStartType = z.infer<typeof CustomerImportStart>

/** The file can't be imported as it is; `message` says why, for a person. */
class ImportFileRefused extends Error {}

const MAX_MB = Math.round(MAX_IMPORT_BYTES / 1024 / 1024)

/**
 * Streams the upload into the File module while reading it: UTF-8 text (a byte-order mark is
 * fine), a header row with an email column and known columns, at most 100,000 rows. The file
 * is never held in memory; a refused one is removed again.
 */
class ImportFileStorage implements multer.StorageEngine {
  constructor(
    private readonly files: IFileModuleService,
    private readonly customFieldKeys: string[]
  ) {}

  _handleFile(_req: unknown, file: Express.Multer.File, callback: (error?: unknown, info?: Partial<Express.Multer.File>) => void) {
    void this.store(file).then(
      (info) => callback(null, info as never),
      (error) => callback(error)
    )
  }

  _removeFile(_req: unknown, file: Express.Multer.File & { file_key?: string }, callback: (error: Error | null) => void) {
    if (!file.file_key) return callback(null)
    this.files.deleteFiles(file.file_key).then(
      () => callback(null),
      () => callback(null)
    )
  }

  private async store(file: Express.Multer.File): Promise<Omit<CustomerImportFile, "filename"> & { file_key: string }> {
    // The upload can break (a cut-off body) while the File module opens its stream: notice it now.
    let broken: unknown = null
    const noticeBreak = (error: unknown) => (broken = error)
    file.stream.on("error", noticeBreak)
    const upload = await this.files.getUploadStream({
      // A random name with no folder: providers tell private keys by their start ("private-…").
      filename: `customer-import-${randomUUID()}.csv`,
      mimeType: "text/csv",
      access: "private",
    })
    file.stream.off("error", noticeBreak)
    if (broken || file.stream.destroyed) {
      await closed(upload.writeStream)
      await this.files.deleteFiles(upload.fileKey).catch(() => undefined)
      throw broken ?? new Error("The upload stopped before the file was complete")
    }
    const text = new CsvTextReader(MAX_IMPORT_RECORD_CHARS)
    let header: string[] | null = null
    let rows = 0
    let size = 0
    const check = (records: CsvRow[]) => {
      for (const record of records) {
        if (!header) {
          if (isBadRecord(record)) throw new ImportFileRefused(`The header row can't be read: ${record.error}.`)
          const read = readImportHeader(record.cells, this.customFieldKeys)
          if (!read.ok) throw new ImportFileRefused(read.message)
          header = record.cells
        } else if (isBadRecord(record) && record.unclosed) {
          throw new ImportFileRefused(`${record.error}. Put a closing quote after the cell's text and upload it again.`)
        } else if (isBadRecord(record) || record.cells.some((cell) => cell.trim() !== "")) {
          rows++
          if (rows > MAX_IMPORT_ROWS) {
            throw new ImportFileRefused(
              `The file has more than ${MAX_IMPORT_ROWS.toLocaleString("en-GB")} customer rows. Split it into files of at most ${MAX_IMPORT_ROWS.toLocaleString("en-GB")} rows and import them one after the other.`
            )
          }
        }
      }
    }

    try {
      await new Promise<void>((resolve, reject) => {
        let failed = false
        const fail = (error: unknown) => {
          if (failed) return
          failed = true
          // Read the rest of the upload without keeping it, so the answer can go out.
          file.stream.resume()
          reject(error)
        }
        upload.writeStream.on("error", fail)
        file.stream.on("error", fail)
        file.stream.on("data", (chunk: Buffer) => {
          if (failed) return
          size += chunk.length
          try {
            const out: CsvRow[] = []
            text.write(chunk, out)
            check(out)
          } catch (error) {
            return fail(error)
          }
          if (!upload.writeStream.write(chunk)) {
            file.stream.pause()
            upload.writeStream.once("drain", () => file.stream.resume())
          }
        })
        file.stream.on("end", () => {
          if (failed) return
          try {
            const out: CsvRow[] = []
            text.end(out)
            check(out)
          } catch (error) {
            return fail(error)
          }
          upload.writeStream.end()
          upload.promise.then(() => resolve(), reject)
        })
      })
    } catch (error) {
      // The file only exists once the stream has opened it: wait for the stream to close, then remove it.
      await closed(upload.writeStream)
      await this.files.deleteFiles(upload.fileKey).catch(() => undefined)
      throw error
    }

    if (!size) {
      await this.files.deleteFiles(upload.fileKey).catch(() => undefined)
      throw new ImportFileRefused("The file is empty. Download the template, fill it in and upload it again.")
    }
    if (!rows) {
      await this.files.deleteFiles(upload.fileKey).catch(() => undefined)
      throw new ImportFileRefused("The file has the header row but no customers under it.")
    }
    return { file_key: upload.fileKey, size, header: header!, total_rows: rows }
  }
}

/** Destroys a write stream and resolves once it has closed (or after 5 s, for providers whose streams never say). */
function closed(stream: Writable): Promise<void> {
  if (stream.closed) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 5000)
    stream.once("close", () => {
      clearTimeout(timer)
      resolve()
    })
    stream.destroy()
  })
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

async function customFieldKeys(scope: MedusaContainer) {
  const service: CustomFieldsModuleService = scope.resolve(CUSTOM_FIELDS_MODULE)
  return (await service.listDefinitions({ target_type: "customer" })).map((definition) => definition.key)
}

/**
 * POST /admin/crm/imports: one CSV file in the multipart field "file" (at most 50 MB and
 * 100,000 rows) and `update_existing`. Answers 409 while another import runs (before reading
 * the file), 413 for a larger file, 400 with the reason for a file that can't be imported.
 */
export async function customerImportUpload(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const conflict = await runningImportConflict(req.scope)
    if (conflict) {
      answerConflict(res, conflict)
      req.resume()
      return
    }
    const files: IFileModuleService = req.scope.resolve(Modules.FILE)
    const upload = multer({
      storage: new ImportFileStorage(files, await customFieldKeys(req.scope)),
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5, fieldSize: 1024 },
      defParamCharset: "utf8",
    }).single("file")

    upload(req as never, res as never, (error: unknown) => {
      if (error instanceof multer.MulterError) {
        if (error.code === "LIMIT_FILE_SIZE") {
          res.status(413).json({
            type: "payload_too_large",
            message: `The file is larger than ${MAX_MB} MB. Split it into smaller files (at most ${MAX_IMPORT_ROWS.toLocaleString("en-GB")} customers each).`,
          })
          return
        }
        return next(invalid(`Send one CSV file in the "file" field.`))
      }
      if (error instanceof ImportFileRefused || error instanceof CsvEncodingError) return next(invalid(error.message))
      // The multipart parser's own complaints (no boundary, a cut-off body) are a bad request too.
      if (error instanceof Error && /multipart|boundary|unexpected end of form|malformed part header/i.test(error.message)) {
        return next(invalid(`The upload could not be read (${error.message}). Send the form again with one CSV file in the "file" field.`))
      }
      if (error) return next(error)

      const file = (req as MedusaRequest & { file?: Express.Multer.File & CustomerImportFile }).file
      const removeFile = () => (file?.file_key ? files.deleteFiles(file.file_key).catch(() => undefined) : Promise.resolve())
      if (!file) return next(invalid('Choose a CSV file to import (the multipart field "file").'))
      const body = CustomerImportStart.safeParse(req.body ?? {})
      if (!body.success) {
        void removeFile()
        return next(invalid(body.error.issues.map((issue) => issue.message).join("; ")))
      }
      const request = req as CustomerImportUploadRequest
      request.validatedBody = body.data
      request.customerImportFile = {
        filename: (file.originalname || "customers.csv").replace(/[\\/\u0000-\u001f\u007f]/g, "").slice(0, 200),
        file_key: file.file_key,
        size: file.size,
        header: file.header,
        total_rows: file.total_rows,
      }
      next()
    })
  } catch (error) {
    next(error)
  }
}
