/**
 * The characters no report may carry raw, made visible instead of dropped so a reader still
 * sees that the input held them: C0 controls become their Control Pictures (NUL → ␀, ESC → ␛,
 * so an ANSI sequence reads "␛[31m" and does nothing), DEL becomes ␡, and what has no picture
 * becomes U+FFFD: C1 controls (U+0080–U+009F, which include the 8-bit CSI), lone surrogates
 * (not encodable in UTF-8) and the noncharacters U+FFFE/U+FFFF (illegal in XML 1.0).
 * Tab, line feed and carriage return are kept when `keep` names them: markup contexts allow
 * them, line-based contexts (Markdown, Mermaid, a terminal table) replace them first.
 */
// With the `u` flag a paired surrogate is one code point and does not match \uD800-\uDFFF.
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

export function visibleControls(text: string, keep: "tab-and-line-breaks" | "none" = "none"): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.codePointAt(0)!;
    if (keep === "tab-and-line-breaks" && (code === 0x09 || code === 0x0a || code === 0x0d)) return char;
    if (code < 0x20) return String.fromCodePoint(0x2400 + code);
    if (code === 0x7f) return "\u2421";
    return "\uFFFD";
  });
}
