/**
 * The sync load of the server bench (scripts/bench/server.ts), in a process of its own: 50 people
 * syncing at once are 50 browsers, not one; sending and reading their 113 KB bodies here keeps
 * the bench's own event loop free to time the translate calls it makes meanwhile.
 * IPC: ← { base, cookies: string[], bodies: string[] } once, then { burst: n } → { burst: n, ms, ok }.
 */
import { setPriority } from 'node:os'

interface Setup { base: string, cookies: string[], bodies: string[] }

// These 50 browsers would be on 50 phones, not on the server's machine: their own CPU (building
// requests, reading answers) steps back so it is not counted against the server.
try { setPriority(10) } catch { /* not permitted: normal priority */ }

let setup: Setup | null = null

async function sync (base: string, body: string, cookie: string): Promise<boolean> {
  const res = await fetch(`${base}/api/cloud/progress`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', Cookie: cookie } })
  return (await res.text()).startsWith('{"ok":true')
}

process.on('message', (m: Setup | { burst: number }) => {
  if ('base' in m) { setup = m; process.send?.({ ready: true }); return }
  const s = setup as Setup
  const t0 = performance.now()
  Promise.all(s.cookies.map((c, i) => sync(s.base, s.bodies[i], c))).then(
    rs => process.send?.({ burst: m.burst, ms: performance.now() - t0, ok: rs.every(Boolean) }),
    () => process.send?.({ burst: m.burst, ms: performance.now() - t0, ok: false })
  )
})
