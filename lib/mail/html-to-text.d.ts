// html-to-text ships without types (mailparser depends on it); declare the one call we use.
declare module 'html-to-text' {
  export interface HtmlToTextOptions {
    wordwrap?: number | false | null;
    baseElements?: { selectors?: string[]; returnDomByDefault?: boolean };
    limits?: { maxDepth?: number; maxInputLength?: number; maxChildNodes?: number };
    selectors?: Array<{ selector: string; format?: string; options?: Record<string, unknown> }>;
  }
  export function htmlToText(html: string, options?: HtmlToTextOptions): string;
}
