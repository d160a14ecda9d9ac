import { describe, expect, it } from "vitest"
import { attachmentName, detectAttachment } from "../attachment-upload"

const bytes = (...values: (number | string)[]) =>
  Buffer.concat(values.map((value) => (typeof value === "string" ? Buffer.from(value, "latin1") : Buffer.from([value]))))

describe("detectAttachment: photos and PDFs are recognised by content, not by name", () => {
  it("recognises JPEG, PNG, WebP, HEIC/HEIF and PDF", () => {
    expect(detectAttachment(bytes(0xff, 0xd8, 0xff, 0xe0, "JFIF"))?.mimeType).toBe("image/jpeg")
    expect(detectAttachment(bytes(0x89, "PNG\r\n", 0x1a, "\n"))?.mimeType).toBe("image/png")
    expect(detectAttachment(bytes("RIFF", 0, 0, 0, 0, "WEBPVP8 "))?.mimeType).toBe("image/webp")
    expect(detectAttachment(bytes(0, 0, 0, 24, "ftypheic", 0, 0, 0, 0))).toEqual({ mimeType: "image/heic", extension: "heic" })
    expect(detectAttachment(bytes(0, 0, 0, 24, "ftypmif1", 0, 0, 0, 0))).toEqual({ mimeType: "image/heif", extension: "heif" })
    expect(detectAttachment(bytes("%PDF-1.7\n"))).toEqual({ mimeType: "application/pdf", extension: "pdf" })
  })

  it("refuses other files, even when the ISO media box is there (videos)", () => {
    expect(detectAttachment(Buffer.from("<html><script>alert(1)</script></html>"))).toBeNull()
    expect(detectAttachment(bytes(0, 0, 0, 24, "ftypmp42"))).toBeNull()
    expect(detectAttachment(bytes("PK", 3, 4, "word/document.xml"))).toBeNull()
    expect(detectAttachment(bytes("%PD"))).toBeNull()
    expect(detectAttachment(Buffer.alloc(0))).toBeNull()
  })
})

describe("attachmentName", () => {
  const pdf = { mimeType: "application/pdf", extension: "pdf" }
  it("keeps the customer's name with the real extension, without folders or control characters", () => {
    expect(attachmentName("Boiler quote.PDF", pdf)).toBe("Boiler quote.pdf")
    expect(attachmentName("photo.jpg", pdf)).toBe("photo.pdf")
    expect(attachmentName("C:\\Users\\me\\Desktop\\plan.pdf", pdf)).toBe("plan.pdf")
    expect(attachmentName("../../etc/passwd", pdf)).toBe("passwd.pdf")
    expect(attachmentName("bad\u0000name\n.pdf", pdf)).toBe("badname.pdf")
    expect(attachmentName("Café menu.pdf", pdf)).toBe("Café menu.pdf")
    expect(attachmentName("", pdf)).toBe("attachment.pdf")
    expect(attachmentName(undefined, pdf)).toBe("attachment.pdf")
  })
})
