import { resolve } from 'node:path'
import { AppError, isAppError } from '../../../shared/errors'
import { accountEnvironment } from '../../dintero/config'
import { startSandbox } from '../../sandbox'
import { type Command, Exit, usageError } from '../context'
import { opt, parseCommandArgs } from '../options'

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
    const fraction = opt.number(0, 1)
    const { values, positionals } = parseCommandArgs('sim', args, {
      port: opt.int(0, 65535),
      account: opt.string,
      'client-id': opt.string,
      'client-secret': opt.string,
      data: opt.string,
      'token-ttl': opt.int(1, 31_536_000),
      lenient: opt.flag,
      'rate-limit': opt.number(0, 1_000_000),
      'latency-ms': opt.int(0, 600_000),
      'fail-rate': fraction,
      'lost-response-rate': fraction,
      'void-accepted-rate': fraction,
      'failed-status-rate': fraction,
      'list-omit-rate': fraction,
      'list-lag-ms': opt.int(0, 600_000),
      'pending-status-rate': fraction,
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
    const port = values.port ?? 0
    const sandbox = await startSandbox({
      port,
      accountId,
      clientId: values['client-id'],
      clientSecret: values['client-secret'],
      dataFile: values.data ? resolve(values.data) : undefined,
      tokenTtlSeconds: values['token-ttl'],
      lenient: values.lenient ?? false,
      rateLimit: values['rate-limit'],
      latencyMs: values['latency-ms'],
      failRate: values['fail-rate'],
      lostResponseRate: values['lost-response-rate'],
      voidAcceptedRate: values['void-accepted-rate'],
      failedStatusRate: values['failed-status-rate'],
      listOmitRate: values['list-omit-rate'],
      listLagMs: values['list-lag-ms'],
      pendingStatusRate: values['pending-status-rate'],
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
