import { createDinteroClient, type DinteroClient, type DinteroClientOptions } from '../../../src/main/dintero'
import { createNodeTransport, type HttpRequest } from '../../../src/main/dintero/http'
import type { Sandbox } from '../../../src/main/sandbox'

/** A client on the real node:http transport that also keeps every request it sent. */
export function recordingClient(
  sb: Sandbox,
  options: Partial<DinteroClientOptions> = {},
): { client: DinteroClient; sent: HttpRequest[] } {
  const inner = createNodeTransport()
  const sent: HttpRequest[] = []
  const client = createDinteroClient({
    baseUrl: sb.baseUrl,
    accountId: sb.accountId,
    clientId: sb.clientId,
    clientSecret: sb.clientSecret,
    systemName: 'kravia-batch-test',
    systemVersion: '1.0.0',
    ...options,
    transport: (req) => {
      sent.push(req)
      return inner(req)
    },
  })
  return { client, sent }
}
