import { htmlText } from "./html-text.ts";

/**
 * A double-quoted HTML attribute value. Both quotes are escaped so the value stays inside
 * its quotes even if a template ever switches to single quotes; `&#39;` rather than
 * `&apos;`, which HTML 4 and some SVG tooling do not know.
 */
export function htmlAttribute(text: string): string {
  return htmlText(text).replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
