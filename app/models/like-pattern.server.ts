/**
 * `%text%` for LIKE, with the searcher's own `%`, `_` and `\` matched literally (backslash is
 * PostgreSQL's default LIKE escape). Pass lower-cased text and compare with `lower(column)`: that is
 * the expression the trigram indexes are built on.
 */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
