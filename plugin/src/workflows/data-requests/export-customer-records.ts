import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { type ExportFile, safeName as safe } from "./export-parts"

/*
 * The parts of the export about what the customer said to the business: their conversations
 * (without staff's internal notes, which are not theirs to see), complaints and ratings. Their
 * files go into the ZIP next to the JSON, named in it.
 */

type Knex = { raw: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }
type Row = Record<string, unknown>

const rows = async (container: MedusaContainer, statement: string, params: unknown[]) => {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  return (await knex.raw(statement, params)).rows
}

const byKey = (list: Row[], key: string) => {
  const map = new Map<string, Row[]>()
  for (const row of list) map.set(String(row[key]), [...(map.get(String(row[key])) ?? []), row])
  return map
}

export async function collectConversations(container: MedusaContainer, customerId: string, files: ExportFile[]) {
  const conversations = await rows(
    container,
    `SELECT id, subject_type, title, created_at FROM conversation WHERE customer_id = ? AND deleted_at IS NULL ORDER BY created_at ASC, id ASC`,
    [customerId]
  )
  const ids = JSON.stringify(conversations.map((row) => row.id))
  const messages = await rows(
    container,
    `SELECT id, conversation_id, author_kind, author_name, body, removed_at, created_at FROM conversation_message
     WHERE conversation_id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND author_kind <> 'note' AND deleted_at IS NULL
     ORDER BY created_at ASC, id ASC`,
    [ids]
  )
  const attachments = byKey(
    await rows(
      container,
      `SELECT message_id, file_id, filename, mime_type FROM conversation_attachment
       WHERE conversation_id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND deleted_at IS NULL ORDER BY created_at ASC, id ASC`,
      [ids]
    ),
    "message_id"
  )
  const perConversation = byKey(messages, "conversation_id")
  return conversations.map((conversation, index) => ({
    about: conversation.subject_type,
    title: conversation.title,
    started_at: conversation.created_at,
    messages: (perConversation.get(String(conversation.id)) ?? []).map((message) => ({
      sent_at: message.created_at,
      from: message.author_kind === "customer" ? "you" : message.author_name || "staff",
      text: message.removed_at ? null : message.body,
      removed_at: message.removed_at ?? undefined,
      files: (attachments.get(String(message.id)) ?? []).map((attachment, n) => {
        const file = `messages/${index + 1}-${safe(String(conversation.title))}/${safe(String(message.id))}-${n + 1}-${safe(String(attachment.filename))}`
        files.push({ path: file, file_key: String(attachment.file_id) })
        return { filename: attachment.filename, type: attachment.mime_type, file }
      }),
    })),
  }))
}

export async function collectComplaints(container: MedusaContainer, customerId: string, files: ExportFile[]) {
  const complaints = await rows(
    container,
    `SELECT c.id, c.number, c.category, c.description, c.status, c.source, c.resolution_note, c.resolved_at, c.closed_at, c.created_at,
       b.booking_number FROM complaint c LEFT JOIN booking b ON b.id = c.booking_id
     WHERE c.customer_id = ? AND c.deleted_at IS NULL ORDER BY c.created_at ASC`,
    [customerId]
  )
  const photos = byKey(
    await rows(
      container,
      `SELECT complaint_id, file_id, filename, mime_type, added_by FROM complaint_photo
       WHERE complaint_id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND deleted_at IS NULL ORDER BY created_at ASC`,
      [JSON.stringify(complaints.map((row) => row.id))]
    ),
    "complaint_id"
  )
  return complaints.map((complaint) => ({
    number: complaint.number,
    about_booking: complaint.booking_number ?? null,
    category: complaint.category,
    description: complaint.description,
    status: complaint.status,
    opened_by: complaint.source,
    opened_at: complaint.created_at,
    resolution_note: complaint.resolution_note,
    resolved_at: complaint.resolved_at,
    closed_at: complaint.closed_at,
    photos: (photos.get(String(complaint.id)) ?? []).map((photo, n) => {
      const file = `complaints/${safe(String(complaint.number))}/${n + 1}-${safe(String(photo.filename))}`
      files.push({ path: file, file_key: String(photo.file_id) })
      return { filename: photo.filename, type: photo.mime_type, added_by: photo.added_by, file }
    }),
  }))
}

export async function collectRatings(container: MedusaContainer, customerId: string, files: ExportFile[]) {
  const ratings = await rows(
    container,
    `SELECT id, booking_number, service_title, fieldworker_name, visit_completed_at, stars, comment, created_at FROM rating
     WHERE customer_id = ? AND deleted_at IS NULL ORDER BY created_at ASC`,
    [customerId]
  )
  const photos = byKey(
    await rows(
      container,
      `SELECT rating_id, file_id, filename, mime_type FROM rating_photo
       WHERE rating_id IN (SELECT jsonb_array_elements_text(?::jsonb)) AND deleted_at IS NULL ORDER BY created_at ASC`,
      [JSON.stringify(ratings.map((row) => row.id))]
    ),
    "rating_id"
  )
  return ratings.map((rating) => ({
    booking_number: rating.booking_number,
    service: rating.service_title,
    fieldworker: rating.fieldworker_name,
    visit_completed_at: rating.visit_completed_at,
    stars: rating.stars,
    comment: rating.comment,
    rated_at: rating.created_at,
    photos: (photos.get(String(rating.id)) ?? []).map((photo, n) => {
      const file = `ratings/${safe(String(rating.booking_number))}/${n + 1}-${safe(String(photo.filename))}`
      files.push({ path: file, file_key: String(photo.file_id) })
      return { filename: photo.filename, type: photo.mime_type, file }
    }),
  }))
}
