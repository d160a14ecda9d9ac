import { randomInt } from "node:crypto"
import { api, fileUpload, TINY_PNG } from "./api"
import { messageForm } from "./conversations"

const word = (n = 9) => Array.from({ length: n }, () => "abcdefghijklmnopqrstuvwxyz"[randomInt(26)]).join("")
const must = (what: string, response: { status: number; body: any }) => {
  if (response.status !== 200 && response.status !== 201) throw new Error(`${what} failed: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body
}

/**
 * What a customer says to the business, made through the real API: their general conversation
 * (their message with a photo, a staff reply, a staff internal note) and a complaint with a photo,
 * resolved by staff with a note. Every text is made of words no other record holds.
 */
export async function talkAndComplain(token: string, admin: string) {
  const tag = word(6)
  const texts = {
    message: `Please bring the ${word()} ladder`,
    file_name: `${tag}-porch.png`,
    reply: `We will bring the ${word()} ladder`,
    note: `Staff only: ${word()} customer`,
    complaint: `The ${word()} gutter still drips`,
    photo_name: `${tag}-gutter.png`,
    resolution: `Sent ${word()} back to fix it`,
  }
  const started = must(
    "conversation",
    await api("/store/customers/me/conversations", {
      token,
      raw: messageForm({ subject_type: "general", body: texts.message }, [{ name: texts.file_name, type: "image/png", data: TINY_PNG }]),
    })
  ).conversation as { id: string; messages: { id: string; attachments: { id: string }[] }[] }
  must("staff reply", await api(`/admin/conversations/${started.id}/messages`, { token: admin, body: { body: texts.reply, internal: false } }))
  must("staff note", await api(`/admin/conversations/${started.id}/messages`, { token: admin, body: { body: texts.note, internal: true } }))
  const complaint = must(
    "complaint",
    await api("/store/customers/me/complaints", { token, body: { category: "quality_of_work", description: texts.complaint } })
  ).complaint as { id: string; number: string }
  must(
    "complaint photo",
    await api(`/store/customers/me/complaints/${complaint.id}/photos`, {
      token,
      raw: fileUpload({ name: texts.photo_name, type: "image/png", data: TINY_PNG }),
    })
  )
  must("resolution", await api(`/admin/complaints/${complaint.id}/status`, { token: admin, body: { status: "resolved", note: texts.resolution } }))
  return { conversationId: started.id, complaintId: complaint.id, complaintNumber: complaint.number, texts }
}
