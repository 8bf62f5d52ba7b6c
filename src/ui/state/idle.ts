const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * Calls `onIdle` when the page has had no input (mouse, keys, touch, scrolling) for `ms`. Input
 * only notes the time; the one timer looks at it when it runs out, so moving the mouse costs nothing.
 */
export class IdleTimer {
  #last = Date.now();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #ms = 0;
  #onIdle: () => void = () => {};
  readonly #input = () => (this.#last = Date.now());

  /** How long the page has been without input, in milliseconds. */
  get idleFor(): number {
    return Date.now() - this.#last;
  }

  start(ms: number, onIdle: () => void): void {
    this.stop();
    this.#ms = ms;
    this.#onIdle = onIdle;
    this.#last = Date.now();
    for (const type of INPUT_EVENTS) window.addEventListener(type, this.#input, { capture: true, passive: true });
    this.#arm(ms);
  }

  /** Waits again for the full time without input (after idling was put off because work was running). */
  restart(): void {
    if (this.#ms) this.#arm(Math.max(0, this.#ms - this.idleFor));
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#ms = 0;
    for (const type of INPUT_EVENTS) window.removeEventListener(type, this.#input, { capture: true });
  }

  #arm(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const left = this.#ms - this.idleFor;
      if (left > 0) this.#arm(left);
      else this.#onIdle();
    }, ms);
  }
}
