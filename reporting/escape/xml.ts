import { visibleControls } from "./visible-controls.ts";

/**
 * XML 1.0 character data (junit.xml). Characters XML 1.0 forbids (C0 controls but tab, LF
 * and CR; lone surrogates; U+FFFE/U+FFFF) would make the whole file unparseable for the CI
 * server, so they are replaced as `visibleControls` does; then the three markup characters.
 */
export function xmlText(text: string): string {
  return visibleControls(text, "tab-and-line-breaks").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * An XML attribute value in either quote style. Tab, LF and CR are written as character
 * references because attribute-value normalisation would otherwise turn them into spaces.
 */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}
