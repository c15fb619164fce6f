// The live preview: the letter engine's HTML, laid out on A4 by the same Paged.js and the same print CSS
// as the PDFs, inside an iframe (the print CSS stays away from the page's own styles, and the frame
// prints alone). Paged.js is loaded once with the frame, when the preview is first needed; each update lays the letter out again in a
// hidden container, then swaps it in, so the preview never flashes and nothing is fetched again.

interface PagedPreviewer {
  preview(content: string, stylesheets: Record<string, string>[], renderTo: HTMLElement): Promise<{ total: number }>;
  polisher: { destroy(): void };
}
interface PagedWindow extends Window {
  Paged?: { Previewer: new () => PagedPreviewer };
}

/** Delay between the last keystroke and the new layout: typing stays fluid, the preview follows. */
export const PREVIEW_DEBOUNCE_MS = 120;

/** Width of the frame's layout in CSS pixels: an A4 sheet (210 mm) and the grey desk around it. */
const FRAME_WIDTH = 850;

export class LetterPreview {
  private readonly frame: HTMLIFrameElement;
  private readonly viewport: HTMLElement;
  private readonly css: string;
  private readonly loaded: Promise<PagedWindow>;
  private current?: { previewer: PagedPreviewer; container: HTMLElement };
  private pending?: string;
  private running?: Promise<void>;
  private lastPages = 0;
  private listeners: ((pages: number) => void)[] = [];
  private stopWatching: () => void;

  /** `css`: the print CSS, as text (Paged.js reads it again at each layout, without a request). */
  constructor(frame: HTMLIFrameElement, viewport: HTMLElement, css: string) {
    this.frame = frame;
    this.viewport = viewport;
    this.css = css;
    // The frame's document (Paged.js and the fonts) waits in `data-srcdoc`: it is loaded when the preview
    // comes near the screen or the visitor starts filling the form, so the page itself opens at once.
    this.loaded = new Promise((resolve) => {
      frame.addEventListener('load', () => {
        const win = frame.contentWindow as PagedWindow | null;
        if (win?.Paged && frame.srcdoc) resolve(win);
      });
    });
    frame.style.width = `${FRAME_WIDTH}px`;
    const near = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.start();
    }, { rootMargin: '25% 0px' });
    near.observe(viewport);
    this.stopWatching = () => near.disconnect();
    new ResizeObserver(() => this.fit()).observe(viewport);
  }

  /** Loads the frame's document (once): the layouts waiting are done as soon as Paged.js is there. */
  start(): void {
    this.stopWatching();
    if (!this.frame.srcdoc) this.frame.srcdoc = this.frame.dataset.srcdoc ?? '';
  }

  /** Called after each layout with the number of A4 pages. */
  onRendered(listener: (pages: number) => void): void {
    this.listeners.push(listener);
  }

  get pages(): number {
    return this.lastPages;
  }

  /** No layout waiting: the preview shows the last HTML given. */
  get idle(): boolean {
    return this.pending === undefined;
  }

  /** Lays out `html` (the letter engine's markup); a newer call replaces one not started yet. */
  update(html: string): Promise<void> {
    this.pending = html;
    this.running ??= this.drain().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Resolves when the preview shows the last HTML given. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    const win = await this.loaded;
    while (this.pending !== undefined) {
      const html = this.pending;
      this.pending = undefined;
      await this.layout(win, html);
    }
  }

  private async layout(win: PagedWindow, html: string): Promise<void> {
    const document = win.document;
    const container = document.createElement('div');
    container.className = 'builder-preview-pages';
    if (this.current) container.style.cssText = 'position:absolute;inset:0 auto auto 0;visibility:hidden';
    document.body.append(container);
    const previewer = new win.Paged!.Previewer();
    // The key is the sheet's address: Paged.js resolves the CSS's relative URLs against it.
    const flow = await previewer.preview(html, [{ [window.location.href]: this.css }], container);
    if (this.current) {
      this.current.container.remove();
      this.current.previewer.polisher.destroy();
      container.style.cssText = '';
    }
    this.current = { previewer, container };
    this.lastPages = flow.total;
    this.fit();
    for (const listener of this.listeners) listener(flow.total);
  }

  /** Scales the frame to the width of its column (the frame keeps its own layout: the sheet is A4). */
  private fit(): void {
    const document = this.frame.contentDocument;
    if (!this.current || !document?.body) return; // until the first layout, the CSS keeps an A4 sheet's room
    const height = document.documentElement.scrollHeight;
    const scale = Math.min(1, this.viewport.clientWidth / FRAME_WIDTH);
    this.frame.style.height = `${height}px`;
    this.frame.style.transform = `scale(${scale})`;
    this.viewport.style.height = `${Math.ceil(height * scale)}px`;
  }

  /** Prints the frame alone: the browser's dialog, where « Enregistrer au format PDF » keeps the text as text. */
  async print(title: string): Promise<void> {
    this.start();
    await this.settled();
    const win = await this.loaded;
    const previous = win.document.title;
    win.document.title = title; // the browser names the PDF after it
    win.focus();
    win.print();
    win.document.title = previous;
  }
}
