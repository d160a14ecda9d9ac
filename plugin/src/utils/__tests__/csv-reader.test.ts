import { Readable } from "node:stream"
import { describe, expect, it } from "vitest"
import { CsvEncodingError, type CsvRow, readCsv } from "../csv-reader"

/** Reads `input` split into chunks of `size` bytes, so every boundary case (mid-quote, mid-CRLF, mid-character) is crossed. */
async function read(input: string | Buffer, size = 3, max = 1000): Promise<CsvRow[]> {
  const bytes = typeof input === "string" ? Buffer.from(input) : input
  const chunks: Buffer[] = []
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size))
  const rows: CsvRow[] = []
  for await (const batch of readCsv(Readable.from(chunks), max)) rows.push(...batch)
  return rows
}

describe("readCsv", () => {
  it("reads quoted commas, doubled quotes and line breaks inside cells, with the line each record starts on", async () => {
    const text = 'email,notes\r\na@b.co,"one, two"\r\nc@d.co,"say ""hi""\r\nnext line\r\nthird"\r\ne@f.co,plain\r\n'
    for (const size of [1, 2, 3, 7, 1000]) {
      expect(await read(text, size)).toEqual([
        { line: 1, cells: ["email", "notes"] },
        { line: 2, cells: ["a@b.co", "one, two"] },
        { line: 3, cells: ["c@d.co", 'say "hi"\r\nnext line\r\nthird'] },
        { line: 6, cells: ["e@f.co", "plain"] },
      ])
    }
  })

  it("takes LF and CR line ends, skips blank lines but counts them, and needs no final line break", async () => {
    expect(await read('a,b\n\n1,2\r\r3,"x\ny"\n4,5', 2)).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 3, cells: ["1", "2"] },
      { line: 5, cells: ["3", "x\ny"] },
      { line: 7, cells: ["4", "5"] },
    ])
  })

  it("counts a CR ending one quoted cell and an LF starting the next as two lines", async () => {
    expect(await read('a,b\n"x\r","\ny"\nc,d\n', 2)).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x\r", "\ny"] },
      { line: 5, cells: ["c", "d"] },
    ])
  })

  it("drops a UTF-8 byte-order mark and keeps characters split across chunks whole", async () => {
    const rows = await read("\uFEFFemail,name\nzoë@example.com,Zoë Ñúñez 😀\n", 1)
    expect(rows).toEqual([
      { line: 1, cells: ["email", "name"] },
      { line: 2, cells: ["zoë@example.com", "Zoë Ñúñez 😀"] },
    ])
  })

  it("reports a record longer than the limit without keeping it, and goes on after it", async () => {
    const huge = "x".repeat(50_000)
    const rows = await read(`email,notes\na@b.co,"${huge}\nstill inside"\nc@d.co,ok\n`, 4096, 1000)
    expect(rows).toHaveLength(3)
    expect(rows[1]).toMatchObject({ line: 2, error: expect.stringMatching(/longer than 1 KB/) })
    expect(rows[2]).toEqual({ line: 4, cells: ["c@d.co", "ok"] })
  })

  it("reports an unclosed quote at the end of the file on the record's line", async () => {
    const rows = await read('email,notes\na@b.co,fine\nc@d.co,"never closed\nmore\n')
    expect(rows[1]).toEqual({ line: 2, cells: ["a@b.co", "fine"] })
    expect(rows[2]).toMatchObject({ line: 3, unclosed: true, error: expect.stringMatching(/line 3 is never closed/) })
  })

  it("refuses text that is not UTF-8, naming the line, and UTF-16 files by name", async () => {
    const latin1 = Buffer.from("email,name\na@b.co,ok\nc@d.co,Zo\xeb\n", "latin1")
    await expect(read(latin1, 5)).rejects.toThrow(CsvEncodingError)
    await expect(read(latin1, 5)).rejects.toThrow(/not UTF-8 text .* line 3/)
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("email\n", "utf16le")])
    await expect(read(utf16)).rejects.toThrow(/UTF-16/)
  })
})
