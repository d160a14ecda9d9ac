/**
 * A stand-in for the S3 object API that Medusa's `file-s3` provider uses (PutObject, GetObject,
 * DeleteObject, DeleteObjects), path-style (`/bucket/key`), speaking S3's wire format: XML errors,
 * ETags, and the `aws-chunked` bodies newer SDKs send. It keeps objects in memory with the ACL they
 * were uploaded with, and answers anonymous GETs only for public-read objects, as S3 does.
 */
import { createHash } from "node:crypto"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

export type StoredObject = { body: Buffer; contentType: string; acl: string; cacheControl: string | null }

export type FakeS3 = {
  url: string
  bucket: string
  objects: Map<string, StoredObject>
  /** Every request the fake saw, for tests that check nothing was read anonymously. */
  requests: { method: string; key: string; signed: boolean }[]
  close(): Promise<void>
}

const read = (request: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on("data", (chunk: Buffer) => chunks.push(chunk))
    request.on("end", () => resolve(Buffer.concat(chunks)))
    request.on("error", reject)
  })

/** `aws-chunked`: hex size[;chunk-signature=…] CRLF data CRLF …, ending with a 0-size chunk and trailers. */
function decodeAwsChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = []
  let at = 0
  for (;;) {
    const lineEnd = raw.indexOf("\r\n", at)
    if (lineEnd < 0) break
    const size = parseInt(raw.subarray(at, lineEnd).toString("latin1").split(";")[0], 16)
    if (!size) break
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size))
    at = lineEnd + 2 + size + 2
  }
  return Buffer.concat(parts)
}

const xmlError = (response: ServerResponse, status: number, code: string, message: string) => {
  response.writeHead(status, { "content-type": "application/xml" })
  response.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`)
}

export async function startFakeS3(bucket = "portal-files"): Promise<FakeS3> {
  const objects = new Map<string, StoredObject>()
  const requests: FakeS3["requests"] = []

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://s3.local")
    const [, bucketName, ...rest] = url.pathname.split("/")
    const key = decodeURIComponent(rest.join("/"))
    const signed = /^AWS4-HMAC-SHA256 Credential=/.test(request.headers.authorization ?? "")
    requests.push({ method: request.method ?? "", key, signed })
    if (bucketName !== bucket) return xmlError(response, 404, "NoSuchBucket", "The specified bucket does not exist")
    const raw = await read(request)

    if (request.method === "PUT" && key) {
      const chunked =
        String(request.headers["content-encoding"] ?? "").includes("aws-chunked") ||
        String(request.headers["x-amz-content-sha256"] ?? "").startsWith("STREAMING-")
      const body = chunked ? decodeAwsChunked(raw) : raw
      if (!signed) return xmlError(response, 403, "AccessDenied", "Access Denied")
      objects.set(key, {
        body,
        contentType: String(request.headers["content-type"] ?? "application/octet-stream"),
        acl: String(request.headers["x-amz-acl"] ?? "private"),
        cacheControl: (request.headers["cache-control"] as string | undefined) ?? null,
      })
      response.writeHead(200, { etag: `"${createHash("md5").update(body).digest("hex")}"` })
      return response.end()
    }
    if ((request.method === "GET" || request.method === "HEAD") && key) {
      const object = objects.get(key)
      if (!object) return xmlError(response, 404, "NoSuchKey", "The specified key does not exist.")
      if (!signed && object.acl !== "public-read") return xmlError(response, 403, "AccessDenied", "Access Denied")
      response.writeHead(200, {
        "content-type": object.contentType,
        "content-length": object.body.length,
        etag: `"${createHash("md5").update(object.body).digest("hex")}"`,
        "last-modified": new Date().toUTCString(),
      })
      return response.end(request.method === "HEAD" ? undefined : object.body)
    }
    if (request.method === "DELETE" && key) {
      if (!signed) return xmlError(response, 403, "AccessDenied", "Access Denied")
      objects.delete(key)
      response.writeHead(204)
      return response.end()
    }
    if (request.method === "POST" && url.searchParams.has("delete")) {
      if (!signed) return xmlError(response, 403, "AccessDenied", "Access Denied")
      const keys = [...raw.toString("utf8").matchAll(/<Key>([^<]*)<\/Key>/g)].map((match) =>
        match[1]
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'")
          .replace(/&amp;/g, "&")
      )
      for (const each of keys) objects.delete(each)
      response.writeHead(200, { "content-type": "application/xml" })
      return response.end(`<?xml version="1.0" encoding="UTF-8"?><DeleteResult></DeleteResult>`)
    }
    xmlError(response, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.")
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    bucket,
    objects,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
