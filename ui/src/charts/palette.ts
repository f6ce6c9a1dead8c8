// Categorical colours for slices: distinct on white, led by the theme's blue, and free of
// pure red and green, which a Chinese broker reads as gain and loss.
export const CATEGORY_COLORS = [
  "#1d4ed8",
  "#0ea5e9",
  "#14b8a6",
  "#f59e0b",
  "#8b5cf6",
  "#ec4899",
  "#f97316",
  "#6366f1",
] as const;

/** The colour of the merged "other" slice. */
export const OTHER_COLOR = "#94a3b8";

export function categoryColor(index: number): string {
  return CATEGORY_COLORS[index % CATEGORY_COLORS.length] ?? OTHER_COLOR;
}
