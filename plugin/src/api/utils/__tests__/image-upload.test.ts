import { describe, expect, it } from "vitest"
import { detectImage } from "../image-upload"

const bytes = (...values: (number | string)[]) =>
  Buffer.concat(values.map((value) => (typeof value === "string" ? Buffer.from(value, "latin1") : Buffer.from([value]))))

describe("detectImage: pictures are recognised by content, not by name", () => {
  it("recognises JPEG, PNG and WebP signatures", () => {
    expect(detectImage(bytes(0xff, 0xd8, 0xff, 0xe0, "JFIF"))?.mimeType).toBe("image/jpeg")
    expect(detectImage(bytes(0x89, "PNG\r\n", 0x1a, "\n", "IHDR"))?.mimeType).toBe("image/png")
    expect(detectImage(bytes("RIFF", 0x10, 0, 0, 0, "WEBPVP8 "))?.extension).toBe("webp")
  })

  it("refuses text, GIFs, SVGs and truncated headers", () => {
    expect(detectImage(Buffer.from("hello, I am a text file named photo.png"))).toBeNull()
    expect(detectImage(bytes("GIF89a"))).toBeNull()
    expect(detectImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull()
    expect(detectImage(bytes(0x89, "PN"))).toBeNull()
    expect(detectImage(bytes("RIFF", 0, 0, 0, 0, "WAVE"))).toBeNull()
    expect(detectImage(Buffer.alloc(0))).toBeNull()
  })
})
