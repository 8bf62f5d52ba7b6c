/** Pages of UX.md that exist so far; a page joins the navigation when it works. */
export const PAGES = [
  { path: '/', label: 'Overblik', needsWorkspace: true, inNav: true },
  { path: '/import', label: 'Import', needsWorkspace: true, inNav: true },
  { path: '/sager', label: 'Sager', needsWorkspace: true, inNav: true },
  { path: '/screening', label: 'Screening', needsWorkspace: true, inNav: true },
  { path: '/frister', label: 'Frister', needsWorkspace: true, inNav: true },
  { path: '/stikproever', label: 'Stikprøver', needsWorkspace: true, inNav: true },
  { path: '/tilsyn', label: 'Tilsyn', needsWorkspace: true, inNav: true },
  { path: '/udviklingsplan', label: 'Udviklingsplan', needsWorkspace: true, inNav: true },
  { path: '/rapporter', label: 'Rapporter', needsWorkspace: true, inNav: true },
  { path: '/sammenlign', label: 'Sammenlign', needsWorkspace: true, inNav: true },
  // Without a workspace it still shows this computer's log of workspaces (a deletion is recorded there).
  { path: '/log', label: 'Log', needsWorkspace: false, inNav: true },
  { path: '/arbejdsomraader', label: 'Arbejdsområder', needsWorkspace: false, inNav: true },
  { path: '/indstillinger', label: 'Indstillinger', needsWorkspace: false, inNav: true },
  { path: '/metode', label: 'Metode og hjælp', needsWorkspace: false, inNav: true },
  // `npm start` opens this address: it loads the demo kommune, or opens it if it is there.
  { path: '/demo', label: 'Demodata', needsWorkspace: false, inNav: false },
] as const;

export type PagePath = (typeof PAGES)[number]['path'];

/** Hash routing: the History API does not work on file:// pages. `#/sager/S-1` is page `/sager` with parameter `S-1`. */
class Router {
  #path = $state(Router.#read());

  constructor() {
    window.addEventListener('hashchange', () => (this.#path = Router.#read()));
  }

  static #read(): string {
    const path = location.hash.replace(/^#/, '') || '/';
    return path.startsWith('/') ? path : `/${path}`;
  }

  /** The address without its query (`#/sager/S-1?regel=BFU_4M` → `/sager/S-1`). */
  get path(): string {
    return this.#path.split('?')[0]!;
  }

  /** The address's query: `#/sager/S-1?screening=…&regel=BFU_4M`. */
  get query(): URLSearchParams {
    return new URLSearchParams(this.#path.split('?')[1] ?? '');
  }

  /** The page of the current address: the one whose path is the address or its first segment. */
  get page() {
    const path = this.path;
    const first = `/${path.split('/')[1] ?? ''}`;
    return PAGES.find((p) => p.path === path) ?? PAGES.find((p) => p.path === first && p.path !== '/');
  }

  /** The address's part after the page, decoded (a case number, a sample id). */
  get param(): string | undefined {
    const page = this.page;
    const path = this.path;
    if (!page || page.path === path) return undefined;
    const rest = path.slice(page.path.length + 1);
    try {
      return rest ? decodeURIComponent(rest) : undefined;
    } catch {
      return undefined;
    }
  }

  go(path: string): void {
    location.hash = path;
  }
}

export const router = new Router();
