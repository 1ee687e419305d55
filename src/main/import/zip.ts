/**
 * Just enough of the zip format to decide what a workbook is and how big it will get, before
 * SheetJS inflates anything: the central directory's entry names and declared sizes.
 */
export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  uncompressedSize: number
  localOffset: number
}

export type ZipListing = { ok: true; entries: ZipEntry[] } | { ok: false; reason: 'truncated' | 'damaged' }

const EOCD = 0x06054b50
const CEN = 0x02014b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff)
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD) return i
  }
  return -1
}

export function listZip(buf: Buffer): ZipListing {
  try {
    return parseDirectory(buf)
  } catch {
    // A damaged directory points outside the file (RangeError from the Buffer reads).
    return { ok: false, reason: 'damaged' }
  }
}

function parseDirectory(buf: Buffer): ZipListing {
  if (buf.length < 22) return { ok: false, reason: 'truncated' }
  const eocd = findEocd(buf)
  if (eocd < 0) return { ok: false, reason: 'truncated' }
  let count = buf.readUInt16LE(eocd + 10)
  let cdSize = buf.readUInt32LE(eocd + 12)
  let cdOffset = buf.readUInt32LE(eocd + 16)
  if (
    (count === 0xffff || cdOffset === 0xffffffff) &&
    eocd >= 20 &&
    buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR
  ) {
    const z64 = Number(buf.readBigUInt64LE(eocd - 12))
    if (z64 + 56 > buf.length || buf.readUInt32LE(z64) !== ZIP64_EOCD) return { ok: false, reason: 'damaged' }
    count = Number(buf.readBigUInt64LE(z64 + 32))
    cdSize = Number(buf.readBigUInt64LE(z64 + 40))
    cdOffset = Number(buf.readBigUInt64LE(z64 + 48))
  }
  if (cdOffset + cdSize > buf.length) return { ok: false, reason: 'truncated' }
  const entries: ZipEntry[] = []
  let p = cdOffset
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CEN) return { ok: false, reason: 'damaged' }
    const method = buf.readUInt16LE(p + 10)
    let compressedSize = buf.readUInt32LE(p + 20)
    let uncompressedSize = buf.readUInt32LE(p + 24)
    const nameLen = buf.readUInt16LE(p + 28)
    const extraLen = buf.readUInt16LE(p + 30)
    const commentLen = buf.readUInt16LE(p + 32)
    let localOffset = buf.readUInt32LE(p + 42)
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen)
    // Zip64 extra field: the 0xFFFFFFFF sizes are stored there, in this order.
    let e = p + 46 + nameLen
    const end = e + extraLen
    while (e + 4 <= end) {
      const id = buf.readUInt16LE(e)
      const len = buf.readUInt16LE(e + 2)
      if (id === 1) {
        let q = e + 4
        if (uncompressedSize === 0xffffffff) {
          uncompressedSize = Number(buf.readBigUInt64LE(q))
          q += 8
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(buf.readBigUInt64LE(q))
          q += 8
        }
        if (localOffset === 0xffffffff) localOffset = Number(buf.readBigUInt64LE(q))
      }
      e += 4 + len
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localOffset })
    p = end + commentLen
  }
  return { ok: true, entries }
}

/** The bytes of a stored (uncompressed) entry, e.g. an ODS file's `mimetype`. */
export function storedEntry(buf: Buffer, entry: ZipEntry): string | undefined {
  if (entry.method !== 0 || entry.compressedSize > 4096) return undefined
  const p = entry.localOffset
  if (p + 30 > buf.length) return undefined
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28)
  if (start + entry.compressedSize > buf.length) return undefined
  return buf.toString('latin1', start, start + entry.compressedSize)
}
