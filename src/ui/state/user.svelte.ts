import { validateUserName } from '../../domain/audit';
import type { Result } from '../../domain/result';

/** Kept for this tab's session only: the next person at a shared PC is asked again. */
const KEY = 'tilsynsbaenk-bruger';

function stored(): string {
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    // Storage refused (a browser policy): the name lives as long as the page.
    return '';
  }
}

/** Who is at work in this tab: asked once per browser session, written into every log entry. */
class CurrentUser {
  name = $state(stored());
  /** The dialog to change the name is open. */
  changing = $state(false);

  set(name: string): Result<string> {
    const valid = validateUserName(name);
    if (!valid.ok) return valid;
    try {
      sessionStorage.setItem(KEY, valid.value);
    } catch {
      // See `stored`.
    }
    this.name = valid.value;
    this.changing = false;
    return valid;
  }
}

export const currentUser = new CurrentUser();
