import { visibleControls } from "./visible-controls.ts";

/**
 * Text content of an HTML element, including the inline SVG's <text> and <title>, which the
 * HTML parser reads the same way. `&` is escaped so a crafted "&lt;" shows as typed; control
 * characters are parse errors in HTML and become visible (see `visibleControls`).
 */
export function htmlText(text: string): string {
  return visibleControls(text, "tab-and-line-breaks").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
