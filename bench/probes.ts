/**
 * What the benchmark watches while the app works: JS heap of the page and of its workers, and
 * long main-thread tasks. In-page code is passed as strings: tsx would wrap inner functions in
 * `__name(…)`, which does not exist in the page.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** Installed with page.addInitScript before navigation: records every long task of the page. */
export const LONGTASK_SCRIPT = `
  window.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });`;

export const pageNow = (page: Page): Promise<number> => page.evaluate('performance.now()');

/** Long tasks that started within [from, to] of the page clock: the longest, and how many > 200 ms. */
export async function longTasks(page: Page, from: number, to: number): Promise<{ max: number; over200: number; count: number }> {
  const all = await page.evaluate<[number, number][]>('window.__longtasks');
  const inside = all.filter(([start]) => start >= from && start <= to).map(([, duration]) => duration);
  return { max: Math.max(0, ...inside), over200: inside.filter((d) => d > 200).length, count: inside.length };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Samples every 100 ms: the page's JSHeapUsedSize (CDP Performance.getMetrics) and the summed
 * used heap of the page's dedicated workers (CDP Runtime.getHeapUsage). Workers are reached through
 * a non-flattened Target.setAutoAttach on a CDP session of the page, because
 * `performance.memory` does not exist in workers and is coarsely bucketed in the page.
 */
export async function startHeapSampler(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  const workers = new Set<string>();
  const pending = new Map<number, (value: { result?: { usedSize: number } }) => void>();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (e) => void (e.targetInfo.type === 'worker' && workers.add(e.sessionId)));
  cdp.on('Target.detachedFromTarget', (e) => void workers.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const message = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
    if (message.id !== undefined) pending.get(message.id)?.(message);
    if (message.id !== undefined) pending.delete(message.id);
  });
  await cdp.send('Performance.enable');
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

  type Reply = { result?: { usedSize: number } };
  const workerHeap = async (sessionId: string): Promise<number> => {
    const id = nextId++;
    const reply = new Promise<Reply>((resolve) => pending.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => {});
    // A worker that is terminated mid-call never answers.
    const answer = await Promise.race([reply, sleep(2000).then((): Reply => ({}))]);
    pending.delete(id);
    return answer.result?.usedSize ?? 0;
  };

  let running = true;
  const peak = { page: 0, worker: 0, samples: 0, maxGapMs: 0 };
  const loop = (async () => {
    let last = performance.now();
    while (running) {
      const started = performance.now();
      peak.maxGapMs = Math.max(peak.maxGapMs, started - last);
      last = started;
      const [metrics, ...heaps] = await Promise.all([
        cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] })),
        ...[...workers].map(workerHeap),
      ]);
      const pageHeap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      peak.page = Math.max(peak.page, pageHeap);
      peak.worker = Math.max(peak.worker, heaps.reduce((sum, h) => sum + h, 0));
      peak.samples += 1;
      await sleep(Math.max(0, 100 - (performance.now() - started)));
    }
  })();

  return {
    async stop() {
      running = false;
      await loop;
      await cdp.detach().catch(() => {});
      return peak;
    },
  };
}
