import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The data folder holds the journal of every invoice (names, addresses, amounts), settings and the
 * log: on macOS and Linux it is made readable by its owner only, the folder 0700 and every file in
 * it 0600, also when an older version or another tool created them with looser modes. (Windows
 * keeps the per-user ACL that %APPDATA% already has.) SQLite gives its -wal/-shm files the mode of
 * the database file, so they follow once the database is 0600.
 */
export function securePrivateDir(dir: string, platform: NodeJS.Platform = process.platform): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  if (platform === 'win32') return
  tighten(dir, 0)
}

function tighten(dir: string, depth: number): void {
  chmodSync(dir, 0o700)
  if (depth > 4) return
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    const st = lstatSync(path)
    // Symbolic links are left alone: chmod would follow them out of the folder.
    if (st.isSymbolicLink()) continue
    if (st.isDirectory()) tighten(path, depth + 1)
    else if (st.isFile() && (st.mode & 0o077) !== 0) chmodSync(path, st.mode & 0o700)
  }
}
