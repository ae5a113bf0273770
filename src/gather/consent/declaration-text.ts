/**
 * Runs in a frame's isolated world (see isolated.ts): the text of a cookie declaration as plain
 * data, one block per table row, definition, list item or paragraph, each as its cells or parts.
 * Either a policy page fetched by the browser (same origin: its HTML is parsed, never run), or the
 * live page: the tables of an open consent settings layer, or the element a selector names. Sent as
 * source text, so it may use only its argument and the browser's own built-ins.
 */

export interface TextLimits {
  /** The most of a page's HTML read, in bytes. */
  maxBytes: number;
  /** The most text kept, all blocks together, in characters. */
  maxChars: number;
  /** The most kept of one cell or paragraph. */
  maxPart: number;
}

export type DeclarationRequest =
  | { mode: 'fetch'; url: string; ms: number; selector: string | null; scripted: string; limits: TextLimits }
  | { mode: 'live'; selector: string | null; limits: TextLimits };

export interface DeclarationText {
  /** Null when read; else why not. */
  unread: string | null;
  blocks: string[][];
  truncated: boolean;
}

export async function declarationText(request: DeclarationRequest): Promise<DeclarationText> {
  const { limits } = request;
  const BLOCK = /^(P|LI|H[1-6]|PRE|BLOCKQUOTE|CAPTION|FIGCAPTION|SUMMARY|DIV|SECTION|ARTICLE|ASIDE|HEADER|FOOTER|MAIN|NAV|FORM|FIELDSET|LEGEND|ADDRESS|DETAILS|UL|OL|BODY|HR|BR|TR|TD|TH|DT|DD)$/;
  const SKIP = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SVG|HEAD|IFRAME|OBJECT|SELECT|CANVAS|VIDEO|AUDIO)$/i;
  const clean = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ').trim();

  /** The text of a subtree with a line break at each block's edge; tables and definition lists are left to `structured`. */
  const lines = (root: Node, skipStructures: boolean): string => {
    let out = '';
    const walk = (node: Node): void => {
      if (node.nodeType === Node.TEXT_NODE) {
        out += node.nodeValue ?? '';
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
      const el = node as Element;
      const tag = el.tagName ?? '';
      if (SKIP.test(tag) || (skipStructures && (tag === 'TABLE' || tag === 'DL'))) return;
      const block = BLOCK.test(tag);
      if (block) out += '\n';
      for (const child of Array.from(el.shadowRoot ? el.shadowRoot.childNodes : el.childNodes)) walk(child);
      if (block) out += '\n';
    };
    walk(root);
    return out;
  };
  const textOf = (el: Element): string => clean(lines(el, false)).slice(0, limits.maxPart);

  /** Table rows as their cells; definition lists as a term with its descriptions. */
  const structured = (roots: Element[]): string[][] => {
    const blocks: string[][] = [];
    const within = (selector: string): Element[] => roots.flatMap((root) => [...(root.matches(selector) ? [root] : []), ...Array.from(root.querySelectorAll(selector))]);
    for (const row of within('tr')) {
      const cells = Array.from((row as HTMLTableRowElement).cells).map(textOf);
      if (cells.some(Boolean)) blocks.push(cells);
    }
    for (const list of within('dl')) {
      let current: string[] | null = null;
      for (const item of Array.from(list.querySelectorAll(':scope > dt, :scope > dd, :scope > div > dt, :scope > div > dd'))) {
        const text = textOf(item);
        if (item.tagName === 'DT') {
          if (current) blocks.push(current);
          current = [text];
        } else if (current) current.push(text);
        else current = [text];
      }
      if (current) blocks.push(current);
    }
    return blocks;
  };

  /** Everything else, one block per line: paragraphs, list items, headings, text in plain elements. */
  const prose = (roots: Element[]): string[][] =>
    roots.flatMap((root) =>
      lines(root, true)
        .split('\n')
        .map(clean)
        .filter(Boolean)
        .map((line) => [line.slice(0, limits.maxPart)]),
    );

  /** Within the size limit: structured blocks first, where declarations keep their tables. */
  const bounded = (blocks: string[][]): { blocks: string[][]; truncated: boolean } => {
    const kept: string[][] = [];
    let size = 0;
    for (const block of blocks) {
      size += block.reduce((sum, part) => sum + part.length + 3, 0);
      if (size > limits.maxChars) return { blocks: kept, truncated: true };
      kept.push(block);
    }
    return { blocks: kept, truncated: false };
  };

  if (request.mode === 'live') {
    const roots: Element[] = [];
    const collect = (scope: Document | ShadowRoot): void => {
      const selector = request.selector ?? '[role=dialog] table, [role=dialog] dl, [aria-modal=true] table, [aria-modal=true] dl, dialog table, dialog dl';
      roots.push(...Array.from(scope.querySelectorAll(selector)));
      for (const el of Array.from(scope.querySelectorAll('*'))) if (el.shadowRoot) collect(el.shadowRoot);
    };
    collect(document);
    const outer = roots.filter((el) => !roots.some((other) => other !== el && other.contains(el)));
    if (request.selector && outer.length === 0) return { unread: `no element on the page matches declaration.selector "${request.selector}"`, blocks: [], truncated: false };
    // A settings layer's own words (descriptions, switches) are not a declaration: only its tables are.
    return { unread: null, ...bounded(request.selector ? [...structured(outer), ...prose(outer)] : structured(outer)) };
  }

  let response: Response;
  try {
    response = await fetch(request.url, { mode: 'no-cors', credentials: 'include', redirect: 'follow', cache: 'no-store', signal: AbortSignal.timeout(request.ms) });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { unread: timedOut ? `no answer within ${request.ms / 1000} s` : `the browser's fetch failed (${String(error)})`, blocks: [], truncated: false };
  }
  if (response.type === 'opaque') return { unread: 'on another origin: the browser hides its text from the page', blocks: [], truncated: false };
  if (!response.ok) return { unread: `it answered HTTP ${response.status}`, blocks: [], truncated: false };
  const type = response.headers.get('content-type') ?? '';
  if (!/html|text\/plain/i.test(type)) return { unread: `it is not a web page (${type.split(';')[0] || 'no content type'})`, blocks: [], truncated: false };
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  let cut = false;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    if (received >= limits.maxBytes) {
      cut = true;
      reader.cancel().catch(() => undefined);
      break;
    }
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  const charset = /charset=([^;]+)/i.exec(type)?.[1]?.trim() ?? 'utf-8';
  let html: string;
  try {
    html = new TextDecoder(charset).decode(bytes.subarray(0, limits.maxBytes));
  } catch {
    html = new TextDecoder().decode(bytes.subarray(0, limits.maxBytes));
  }
  if (/text\/plain/i.test(type)) return { unread: null, ...bounded(html.split('\n').map(clean).filter(Boolean).map((line) => [line.slice(0, limits.maxPart)])) };
  // Parsed, never run: DOMParser's documents execute no script and load nothing.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const roots = request.selector ? Array.from(doc.querySelectorAll(request.selector)) : doc.body ? [doc.body] : [];
  if (roots.length === 0) return { unread: request.selector ? `no element on it matches declaration.selector "${request.selector}"` : 'it has no body', blocks: [], truncated: false };
  const blocks = [...structured(roots), ...prose(roots)];
  // A declaration a script writes into the page (Cookiebot's CookieDeclaration, OneTrust's cookie list)
  // is not in the HTML as fetched: its absence says nothing about the site's declaration.
  const placeholder = doc.querySelector(request.scripted);
  if (placeholder && !structured([placeholder]).length && !clean(placeholder.textContent ?? '')) {
    const named = placeholder.id || placeholder.getAttribute('class') || placeholder.tagName.toLowerCase();
    return { unread: `its cookie list is written by a script (${named}), which a fetched page does not run`, blocks: [], truncated: false };
  }
  const kept = bounded(blocks);
  return { unread: null, blocks: kept.blocks, truncated: kept.truncated || cut };
}
