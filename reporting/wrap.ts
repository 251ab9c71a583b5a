/**
 * Greedy word wrap for SVG text, which cannot wrap itself: words (split at whitespace, which
 * the renderers collapse anyway) fill lines of at most `width` characters, and a word longer
 * than a line is cut (never inside a surrogate pair). At most `maxLines` lines; when text is
 * left over the last line ends in "…", and the caller keeps the full text elsewhere (a
 * tooltip, the step table).
 */
export function wrapText(text: string, width: number, maxLines = Number.POSITIVE_INFINITY): string[] {
  const size = Math.max(2, Math.floor(width));
  const lines: string[] = [];
  let current = "";
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > size) {
      if (current) lines.push(current);
      current = "";
      const cut = cutAt(word, size);
      lines.push(word.slice(0, cut));
      word = word.slice(cut);
    }
    if (!current) current = word;
    else if (current.length + 1 + word.length <= size) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[kept.length - 1]!;
  kept[kept.length - 1] = `${last.length < size ? last : last.slice(0, cutAt(last, size - 1))}…`;
  return kept;
}

/** `at`, or one less where `at` would split a surrogate pair (an emoji) in two. */
function cutAt(word: string, at: number): number {
  const code = word.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}
