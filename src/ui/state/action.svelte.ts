/** A Danish-ready message from whatever was thrown. */
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** State of a page whose actions may take a while and may fail: `busy` while one runs, its error in `error`. */
export class ActionState {
  busy = $state(false);
  error = $state('');

  /** Runs `work`; on failure its message goes to `error` and the result is undefined. */
  protected async act<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.busy = true;
    this.error = '';
    try {
      return await work();
    } catch (error) {
      this.error = messageOf(error);
      return undefined;
    } finally {
      this.busy = false;
    }
  }
}
