// Number, money and date formatting shared by home, history and usage (the browser's locale).

export const formatTokens = (tokens: number): string => new Intl.NumberFormat().format(tokens);

export function formatUsd(amount: number): string {
  const digits = amount !== 0 && amount < 0.01 ? 4 : 2;
  return new Intl.NumberFormat(undefined, {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

export const formatDate = (at: number | Date, options?: Intl.DateTimeFormatOptions): string =>
  new Intl.DateTimeFormat(undefined, options ?? { dateStyle: "medium" }).format(at);
