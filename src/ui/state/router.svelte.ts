/** Pages of UX.md that exist so far; a page joins the navigation when it works. */
export const PAGES = [
  { path: '/', label: 'Overblik', inNav: true, needsWorkspace: true },
  { path: '/arbejdsomraader', label: 'Arbejdsområder', inNav: true, needsWorkspace: false },
  { path: '/indstillinger', label: 'Indstillinger', inNav: true, needsWorkspace: false },
] as const;

export type PagePath = (typeof PAGES)[number]['path'];

/** Hash routing: the History API does not work on file:// pages. */
class Router {
  #path = $state(Router.#read());

  constructor() {
    window.addEventListener('hashchange', () => (this.#path = Router.#read()));
  }

  static #read(): string {
    const path = decodeURIComponent(location.hash.replace(/^#/, '')) || '/';
    return path.startsWith('/') ? path : `/${path}`;
  }

  get path(): string {
    return this.#path;
  }

  get page() {
    return PAGES.find((p) => p.path === this.#path);
  }

  go(path: PagePath): void {
    location.hash = path;
  }
}

export const router = new Router();
