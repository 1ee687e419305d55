import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { AppError } from '../../shared/errors'
import type { Db } from '../db/open'

/**
 * A lease silent this long may be taken over: five heartbeats missed in a row, long enough that a
 * busy but living holder keeps its batch, short enough that a crashed one's batch can be resumed soon.
 */
export const LEASE_STALE_MS = 15_000
/** How often the holder proves it is alive. */
export const HEARTBEAT_MS = 3_000

export interface Lease {
  batchId: string
  token: string
  pid: number
  host: string
}

export interface LeaseOptions {
  now?: number
  pid?: number
  host?: string
  /** Whether a process of this host is alive (injectable for tests). */
  isPidAlive?: (pid: number) => boolean
  staleMs?: number
}

export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

interface LeaseRow {
  owner_pid: number
  owner_host: string
  owner_token: string
  heartbeat_at_ms: number
}

/**
 * Takes the batch's lease, so only one process (app or CLI) sends it. A lease whose owner is a
 * dead process on this host, or that has been silent for 15 s, is taken over. Runs in an
 * IMMEDIATE transaction: two processes racing for it cannot both win.
 */
export function acquireLease(db: Db, batchId: string, options: LeaseOptions = {}): Lease {
  const now = options.now ?? Date.now()
  const lease: Lease = {
    batchId,
    token: randomUUID(),
    pid: options.pid ?? process.pid,
    host: options.host ?? hostname(),
  }
  const alive = options.isPidAlive ?? isPidAlive
  const stale = options.staleMs ?? LEASE_STALE_MS
  const take = db.transaction(() => {
    const row = db
      .prepare('SELECT owner_pid, owner_host, owner_token, heartbeat_at_ms FROM leases WHERE batch_id = ?')
      .get(batchId) as LeaseRow | undefined
    if (row) {
      const deadHere = row.owner_host === lease.host && !alive(row.owner_pid)
      const silent = now - row.heartbeat_at_ms > stale
      if (!deadHere && !silent) {
        const seconds = Math.max(0, Math.round((now - row.heartbeat_at_ms) / 1000))
        throw new AppError(
          'batch_busy',
          `Batch ${batchId} is being sent by process ${row.owner_pid} on ${row.owner_host} (last sign of life ${seconds} s ago); wait for it to finish or stop it first.`,
          {
            message_nb: `Kjøringen ${batchId} sendes allerede av prosess ${row.owner_pid} på ${row.owner_host}; vent til den er ferdig eller stopp den først.`,
            exitCode: 3,
          },
        )
      }
    }
    db.prepare(
      `INSERT INTO leases (batch_id, owner_pid, owner_host, owner_token, acquired_at, heartbeat_at_ms)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(batch_id) DO UPDATE SET owner_pid = excluded.owner_pid, owner_host = excluded.owner_host,
         owner_token = excluded.owner_token, acquired_at = excluded.acquired_at, heartbeat_at_ms = excluded.heartbeat_at_ms`,
    ).run(batchId, lease.pid, lease.host, lease.token, new Date(now).toISOString(), now)
  })
  take.immediate()
  return lease
}

/** Renews the lease; false when another process has taken it over (stop sending at once). */
export function heartbeat(db: Db, lease: Lease, now = Date.now()): boolean {
  const info = db
    .prepare('UPDATE leases SET heartbeat_at_ms = ? WHERE batch_id = ? AND owner_token = ?')
    .run(now, lease.batchId, lease.token)
  return info.changes === 1
}

export function releaseLease(db: Db, lease: Lease): void {
  db.prepare('DELETE FROM leases WHERE batch_id = ? AND owner_token = ?').run(lease.batchId, lease.token)
}

/** Who holds a batch's lease now, if anyone (for status and the UI). */
export function leaseHolder(
  db: Db,
  batchId: string,
): { pid: number; host: string; heartbeatAtMs: number } | null {
  const row = db
    .prepare('SELECT owner_pid, owner_host, heartbeat_at_ms FROM leases WHERE batch_id = ?')
    .get(batchId) as Pick<LeaseRow, 'owner_pid' | 'owner_host' | 'heartbeat_at_ms'> | undefined
  return row ? { pid: row.owner_pid, host: row.owner_host, heartbeatAtMs: row.heartbeat_at_ms } : null
}
