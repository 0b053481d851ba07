// Strings are templates in both Terraform syntaxes: a JSON string becomes a quoted HCL template whose literal parts
// are escaped for HCL and whose `${...}`/`%{...}` sequences are copied as they are (their content is already
// native expression syntax).
import { ConversionError } from "./errors";

/** The index just after the `}` that closes the sequence whose `${` or `%{` starts at `start`. */
export function endOfSequence(text: string, start: number, path: string): number {
  let depth = 0;
  let i = start + 2;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') i = endOfQuoted(text, i, path);
    else if (c === "<" && text[i + 1] === "<") throw new ConversionError(path, "a heredoc inside an interpolation");
    else {
      if (c === "{") depth++;
      else if (c === "}") {
        if (depth === 0) return i + 1;
        depth--;
      }
      i++;
    }
  }
  throw new ConversionError(path, `an interpolation that is never closed: ${JSON.stringify(text.slice(start))}`);
}

/** The index just after the closing `"` of a quoted string inside an interpolation that starts at `start`. */
function endOfQuoted(text: string, start: number, path: string): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\") i += 2;
    else if (c === '"') return i + 1;
    else if ((c === "$" || c === "%") && text[i + 1] === c && text[i + 2] === "{") i += 3;
    else if ((c === "$" || c === "%") && text[i + 1] === "{") i = endOfSequence(text, i, path);
    else i++;
  }
  throw new ConversionError(path, `a quoted string that is never closed in ${JSON.stringify(text)}`);
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escapeChar(c: string): string {
  const escaped = ESCAPES[c];
  if (escaped !== undefined) return escaped;
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, "0")}` : c;
}

/** A JSON template string as a quoted HCL template: literal parts escaped, sequences kept. */
export function quoteTemplate(text: string, path: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if ((c === "$" || c === "%") && next === c && text[i + 2] === "{") {
      out += text.slice(i, i + 3);
      i += 3;
    } else if ((c === "$" || c === "%") && next === "{") {
      const end = endOfSequence(text, i, path);
      out += text.slice(i, end);
      i = end;
    } else {
      out += escapeChar(c);
      i++;
    }
  }
  return `"${out}"`;
}

/** A string taken literally (no template): quoted, with `${` and `%{` escaped so HCL does not interpolate them. */
export function quoteLiteral(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    out += (c === "$" || c === "%") && text[i + 1] === "{" ? `${c}${c}` : escapeChar(c);
  }
  return `"${out}"`;
}

/**
 * The expression of a template that is one interpolation and nothing else (`"${expr}"`, whose value is the
 * expression's own value in both syntaxes), or undefined. Strip markers (`${~`) keep the template.
 */
export function soleInterpolation(text: string, path: string): string | undefined {
  if (!text.startsWith("${") || text.startsWith("${~")) return undefined;
  if (endOfSequence(text, 0, path) !== text.length) return undefined;
  const inner = text.slice(2, -1);
  if (inner.trimEnd().endsWith("~")) return undefined;
  return inner.trim();
}

/** A JSON template string as an HCL expression: bare when it is one interpolation, else a quoted template. */
export function templateExpression(text: string, path: string): string {
  const sole = soleInterpolation(text, path);
  if (sole === undefined) return quoteTemplate(text, path);
  // Newlines are insignificant inside parentheses, not at the top of an attribute's expression.
  return sole.includes("\n") ? `(${sole})` : sole;
}
