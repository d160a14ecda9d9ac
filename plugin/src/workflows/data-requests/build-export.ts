import { randomBytes } from "node:crypto"
import { Readable, Transform, type Writable } from "node:stream"
import type { IFileModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { ZipFile } from "yazl"
import { collectCustomerData, type ExportContent } from "./export-parts"

const README = (businessName: string, when: Date) => `Your personal data held by ${businessName}
Made on ${when.toISOString()} (UTC).

Each JSON file is one part of your data:
  profile.json                      your name, account email, phone, account type, and what staff noted about you
  contacts.json                     your extra emails and phone numbers, and the other people you gave us to contact
  addresses.json                    your billing address and saved locations
  business-profiles.json            the companies you book for
  dependents.json                   your pets, vehicles or equipment, with their details
  custom-fields.json                the answers to our own questions (gate codes, preferences…)
  bookings.json                     your bookings with their orders; their photos and documents are in attachments/
  conversations.json                your messages with us and our replies; their files are in messages/
  complaints.json                   your complaints and how they were resolved; their photos are in complaints/
  ratings.json                      the stars and comments you gave our visits; their photos are in ratings/
  saved-cards.json                  your saved cards (type, last four digits, expiry; never the card number)
  regular-visits-and-billing.json   your repeat visits, automatic payment agreement and who pays your invoices
  emails.json                       the emails and portal notices we sent you
  activity.json                     the history of changes to your account
  consents-and-preferences.json     your email preferences, logins and earlier requests for your data

pictures/ holds your profile picture and your dependents' photos.
`

/** A file the ZIP could not include, named in its place (storage lost it): the rest is still delivered. */
const missingFile = (filePath: string, error: unknown) =>
  Readable.from([Buffer.from(`The file ${filePath} could not be read from storage (${error instanceof Error ? error.message : String(error)}).\n`)])

/**
 * Writes the ZIP into `out` as it is made: the JSON parts, then each file streamed from the File
 * module one at a time (a file is only opened when the ZIP reaches it, so memory stays flat).
 */
export function writeZip(content: ExportContent, out: Writable, files: IFileModuleService, readme: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new ZipFile()
    zip.outputStream.on("error", reject)
    out.on("error", reject)
    out.on("finish", () => resolve())
    zip.outputStream.pipe(out)
    const now = new Date()
    zip.addBuffer(Buffer.from(readme), "README.txt", { mtime: now })
    for (const part of content.parts) {
      zip.addBuffer(Buffer.from(JSON.stringify(part.data, null, 2) + "\n"), part.path, { mtime: now })
    }
    for (const file of content.files) {
      zip.addReadStreamLazy(file.path, { mtime: now }, (callback) => {
        files.getDownloadStream(file.file_key).then(
          (stream) => {
            // A missing file only shows when its stream is read: substitute a note then.
            const guarded = new Readable({ read() {} })
            stream.on("data", (chunk) => guarded.push(chunk))
            stream.on("end", () => guarded.push(null))
            stream.on("error", (error) => {
              missingFile(file.path, error)
                .on("data", (chunk) => guarded.push(chunk))
                .on("end", () => guarded.push(null))
            })
            callback(null, guarded)
          },
          (error: unknown) => callback(null, missingFile(file.path, error))
        )
      })
    }
    zip.end()
  })
}

/**
 * Builds the customer's export and stores it in the File module as a private file under a random
 * name (never served from a public folder). Returns its key and size.
 */
export async function buildExportFile(container: MedusaContainer, customerId: string, businessName: string) {
  const content = await collectCustomerData(container, customerId)
  const files: IFileModuleService = container.resolve(Modules.FILE)
  // No folder in the name: providers file private uploads by the key's start ("private-…").
  const upload = await files.getUploadStream({
    filename: `data-export-${randomBytes(16).toString("hex")}.zip`,
    mimeType: "application/zip",
    access: "private",
  })
  let size = 0
  const counting = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length
      callback(null, chunk)
    },
  })
  counting.pipe(upload.writeStream)
  try {
    await Promise.all([writeZip(content, counting, files, README(businessName, new Date())), upload.promise])
  } catch (error) {
    upload.writeStream.destroy()
    await files.deleteFiles(upload.fileKey).catch(() => undefined)
    throw error
  }
  return { file_key: upload.fileKey, file_size: size }
}
