/**
 * Formatting of generated files with prettier, with options fixed here (never read from the user's
 * prettier config), so that output is byte-identical on every machine.
 */
import { format } from "prettier";

const OPTIONS = {
  parser: "typescript",
  printWidth: 100,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  trailingComma: "all",
  bracketSpacing: true,
  arrowParens: "always",
  endOfLine: "lf",
} as const;

export async function formatTypeScript(source: string): Promise<string> {
  return format(source, OPTIONS);
}
