import { visibleControls } from "./visible-controls.ts";

// Bidirectional formatting characters (LRE…RLO, LRI…PDI, LRM, RLM, ALM): in a terminal they
// reorder the rest of the line, so a model name could make another column read differently.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * A value printed in the `check` summary table. A Result file must not be able to move the
 * cursor, recolour or clear the user's terminal or break the table's rows: every control
 * character, line breaks included, is made visible (`visibleControls`: ESC shows as ␛, so an
 * ANSI sequence is printed as text and not obeyed), and bidi controls become U+FFFD. Other
 * Unicode, emoji included, is printed as it is.
 */
export function terminalText(text: string): string {
  return visibleControls(text).replace(BIDI, "\uFFFD");
}
