import { resolve } from 'node:path'
import { AppError, isAppError } from '../../../shared/errors'
import { accountEnvironment } from '../../dintero/config'
import { startSandbox } from '../../sandbox'
import {
  type Command,
  Exit,
  parseCommandArgs,
  parseIntOption,
  parseNumberOption,
  usageError,
} from '../context'

const usage = `Usage: npm run -s cli -- sim [options]

Runs the built-in Dintero sandbox (a local copy of the Checkout API) until Ctrl+C.
The first line printed is "Dintero sandbox listening on http://127.0.0.1:PORT"; pass that base
to --api-url elsewhere. Routes live under /v1 (Dintero's) and /__sandbox (test controls).

Options:
  --port N                  port on 127.0.0.1 (0 = any free port; default 0)
  --account ID              account id, T or P + 8 digits (default T12345678)
  --client-id ID            client id to accept (default sandbox)
  --client-secret S         client secret to accept (default sandbox)
  --data FILE               keep state in this SQLite file (default: in memory)
  --token-ttl S             token lifetime in seconds (default 14400)
  --lenient                 switch off the rules Dintero's docs only imply (see docs/sandbox.md)
Faults (on /v1 routes; P is a fraction 0-1):
  --rate-limit N            token bucket of N requests/s, burst N; over it: 429 + Retry-After
  --latency-ms N            delay every answer by N ms
  --fail-rate P             answer 500/502/503 before doing anything
  --lost-response-rate P    POSTs: do the work, commit, then drop the connection unanswered
  --void-accepted-rate P    voids answer 202 and finish a moment later
  --failed-status-rate P    pays answer 200 with a FAILED transaction
  --list-omit-rate P        leave transactions out of list answers (a list lagging behind)
  --list-lag-ms N           a new transaction shows in lists only after N ms (by id at once)
  --pending-status-rate P   pays answer 200 ON_HOLD; the transaction turns AUTHORIZED ~1 s later`

export const command: Command = {
  name: 'sim',
  summary: 'run the built-in Dintero sandbox server',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs('sim', args, {
      port: { type: 'string' },
      account: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      data: { type: 'string' },
      'token-ttl': { type: 'string' },
      lenient: { type: 'boolean' },
      'rate-limit': { type: 'string' },
      'latency-ms': { type: 'string' },
      'fail-rate': { type: 'string' },
      'lost-response-rate': { type: 'string' },
      'void-accepted-rate': { type: 'string' },
      'failed-status-rate': { type: 'string' },
      'list-omit-rate': { type: 'string' },
      'list-lag-ms': { type: 'string' },
      'pending-status-rate': { type: 'string' },
    })
    if (positionals.length > 0)
      throw usageError(`sim takes no file or word arguments (got "${positionals[0]}").`)
    const accountId = values.account ?? 'T12345678'
    try {
      accountEnvironment(accountId)
    } catch (e) {
      throw isAppError(e) ? usageError(`--account: ${e.message}`) : e
    }
    if (values['client-id'] === '' || values['client-secret'] === '') {
      throw usageError('--client-id and --client-secret must not be empty.')
    }
    const port = parseIntOption('port', values.port, 0, 65535) ?? 0
    const sandbox = await startSandbox({
      port,
      accountId,
      clientId: values['client-id'],
      clientSecret: values['client-secret'],
      dataFile: values.data ? resolve(values.data) : undefined,
      tokenTtlSeconds: parseIntOption('token-ttl', values['token-ttl'], 1, 31_536_000),
      lenient: values.lenient ?? false,
      rateLimit: parseNumberOption('rate-limit', values['rate-limit'], 0, 1_000_000),
      latencyMs: parseIntOption('latency-ms', values['latency-ms'], 0, 600_000),
      failRate: parseNumberOption('fail-rate', values['fail-rate'], 0, 1),
      lostResponseRate: parseNumberOption('lost-response-rate', values['lost-response-rate'], 0, 1),
      voidAcceptedRate: parseNumberOption('void-accepted-rate', values['void-accepted-rate'], 0, 1),
      failedStatusRate: parseNumberOption('failed-status-rate', values['failed-status-rate'], 0, 1),
      listOmitRate: parseNumberOption('list-omit-rate', values['list-omit-rate'], 0, 1),
      listLagMs: parseIntOption('list-lag-ms', values['list-lag-ms'], 0, 600_000),
      pendingStatusRate: parseNumberOption('pending-status-rate', values['pending-status-rate'], 0, 1),
    }).catch((e: unknown) => {
      if ((e as { code?: string }).code === 'EADDRINUSE') {
        throw new AppError(
          'port_in_use',
          `Port ${port} on 127.0.0.1 is already in use; pick another --port or 0.`,
        )
      }
      throw e
    })
    ctx.out(`Dintero sandbox listening on ${sandbox.baseUrl}`)
    ctx.out(`Account: ${sandbox.accountId}`)
    // Sandbox credentials are not secrets: printing them is how a user learns what to type.
    ctx.out(`Client id: ${sandbox.clientId}`)
    ctx.out(`Client secret: ${sandbox.clientSecret}`)
    ctx.out(`State: ${values.data ? resolve(values.data) : 'in memory (lost on exit)'}`)
    ctx.out('Sandbox — no real invoices are sent. Press Ctrl+C to stop.')
    await new Promise<void>((done) => {
      if (ctx.signal.aborted) return done()
      ctx.signal.addEventListener('abort', () => done(), { once: true })
    })
    await sandbox.close()
    ctx.err('Dintero sandbox stopped.')
    return Exit.ok
  },
}
