import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatMinutes, parseAutoLockMinutes, validatePassphrase } from '../../src/domain/lock';

/** A worker that answers only when told to, so a test sees jobs while they run. */
class FakeWorker extends EventTarget {
  static last: FakeWorker;
  sent: { id: number }[] = [];
  constructor() {
    super();
    FakeWorker.last = this;
  }
  postMessage(message: { id: number }): void {
    this.sent.push(message);
  }
  answer(id: number): void {
    this.dispatchEvent(Object.assign(new Event('message'), { data: { id, type: 'done', result: { kind: 'template' } } }));
  }
  terminate(): void {}
}
vi.mock('../../src/app/background.worker?worker&inline', () => ({ default: FakeWorker }));

const { WorkerSession, whenNoJobs } = await import('../../src/app/worker-client');
const { IdleTimer } = await import('../../src/ui/state/idle');

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((next) => setTimeout(next, 0));
  return done;
};

describe('waiting for running work before locking', () => {
  it('resolves once every job sent has its answer, or its worker was stopped', async () => {
    expect(await settled(whenNoJobs())).toBe(true);
    const session = new WorkerSession();
    const first = session.run({ kind: 'template' });
    void session.run({ kind: 'template' });
    const worker = FakeWorker.last;
    const idle = whenNoJobs();
    worker.answer(1);
    await first;
    expect(await settled(idle)).toBe(false);
    // The second job's worker is stopped (its page was left): it no longer counts as running.
    session.terminate();
    expect(await settled(idle)).toBe(true);
  });
});

describe('the idle timer', () => {
  let target: EventTarget;
  beforeEach(() => {
    vi.useFakeTimers();
    target = new EventTarget();
    vi.stubGlobal('window', target);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('fires after the time without input, counted from the last key or mouse movement', () => {
    const onIdle = vi.fn();
    const timer = new IdleTimer();
    timer.start(60_000, onIdle);
    vi.advanceTimersByTime(40_000);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(59_000);
    expect(onIdle).not.toHaveBeenCalled();
    target.dispatchEvent(new Event('pointermove'));
    vi.advanceTimersByTime(59_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    timer.stop();
  });

  it('stops listening when stopped', () => {
    const onIdle = vi.fn();
    const timer = new IdleTimer();
    timer.start(1_000, onIdle);
    timer.stop();
    vi.advanceTimersByTime(5_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});

describe('the passphrase and the minutes, as typed', () => {
  it.each([
    ['kort', 'kort', 'Adgangskoden skal være mindst 10 tegn.'],
    ['en lang adgangskode', 'en lang adgangskodE', 'De to adgangskoder er ikke ens.'],
  ])('refuses %s / %s: %s', (passphrase, repeated, message) => {
    expect(validatePassphrase(passphrase, repeated)).toEqual({ ok: false, message });
  });

  it('accepts a passphrase of ten characters typed the same twice', () => {
    expect(validatePassphrase('1234567890', '1234567890')).toEqual({ ok: true, value: '1234567890' });
  });

  it.each([['15', 15], ['2,5', 2.5], [' 0.1 ', 0.1], ['480', 480]])('reads %s minutes as %s', (text, minutes) => {
    expect(parseAutoLockMinutes(text)).toEqual({ ok: true, value: minutes });
  });

  it.each(['0', '0,05', '481', 'femten', '', '-5'])('refuses %s minutes', (text) => {
    expect(parseAutoLockMinutes(text)).toEqual({ ok: false, message: 'Skriv et antal minutter fra 0,1 til 480, fx 15.' });
  });

  it('shows minutes with a decimal comma only where needed', () => {
    expect([15, 2.5, 0.1, 0.25].map(formatMinutes)).toEqual(['15', '2,5', '0,1', '0,25']);
  });
});
